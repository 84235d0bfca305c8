import { onTable } from './postgres-index.build';

describe('onTable (a live table trigger re-created on the build table)', () => {
  const live = 'public_disclosures';
  const build = 'public_disclosures_build';

  it('moves the trigger to the build table, schema-qualified or not, and leaves names that merely contain the table alone', () => {
    const definition = 'CREATE TRIGGER public_disclosures_sign_tokens BEFORE INSERT OR UPDATE OF tokens ON public.public_disclosures FOR EACH ROW EXECUTE FUNCTION public_disclosures_sign_tokens()';
    expect(onTable(definition, live, build)).toBe(
      'CREATE TRIGGER public_disclosures_sign_tokens BEFORE INSERT OR UPDATE OF tokens ON public.public_disclosures_build FOR EACH ROW EXECUTE FUNCTION public_disclosures_sign_tokens()',
    );
    expect(onTable('CREATE TRIGGER t AFTER INSERT ON public_disclosures FOR EACH STATEMENT EXECUTE FUNCTION f()', live, build)).toBe(
      'CREATE TRIGGER t AFTER INSERT ON public_disclosures_build FOR EACH STATEMENT EXECUTE FUNCTION f()',
    );
  });

  it('refuses a definition on another table rather than re-creating it there', () => {
    expect(() => onTable('CREATE TRIGGER t AFTER INSERT ON public.public_disclosures_old FOR EACH ROW EXECUTE FUNCTION f()', live, build)).toThrow(/cannot move trigger/);
  });
});
