import { Migration } from '@mikro-orm/migrations';

/**
 * public_disclosures.token_signature: a bit per token key (key mod 1024), which a search walking the newest-first
 * indexes tests before the exact `arraycontains(tokens, …)` (libs/search/src/postgres/token-signature.ts): most
 * walked rows lack a searched key and are dismissed by the bit test alone.
 *
 * A trigger computes it from `tokens` on every insert and every update of `tokens`, whoever writes the row: a
 * writer that only knows `tokens` (a process of the previous release during a rolling deploy, or after a rollback
 * that kept the schema) would otherwise leave a signature that no longer covers the row's keys, and a walk would
 * skip the row. search:reindex re-creates the trigger on the table it builds (postgres-index.build.ts).
 *
 * Added without a value, so nothing is rewritten: rows written before it are tested by the array alone until
 * rewritten or rebuilt (`npm run cli -- search:reindex`). PLAIN storage: 136 bytes never worth compressing, and a
 * compressed one would cost every walked row a decompression.
 */
/** Setting the bit of `key` in `signature`: one bit a key, as this migration signs (Migration20261206120000 sets three). */
export const ONE_BIT_A_KEY = `signature := set_bit(signature, (key % 1024)::int, 1);`;

/** The statement that creates (or replaces) public_disclosure_token_signature, `setBits` run for each key. */
export function tokenSignatureFunction(verb: 'create' | 'create or replace', setBits: string): string {
  return `${verb} function public_disclosure_token_signature(tokens bigint[]) returns bit(1024)
      language plpgsql immutable strict parallel safe as $$
      declare
        signature bit(1024) := repeat('0', 1024)::bit(1024);
        key bigint;
      begin
        foreach key in array tokens loop
          ${setBits}
        end loop;
        return signature;
      end $$;`;
}

export class Migration20261205210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(tokenSignatureFunction('create', ONE_BIT_A_KEY));
    this.addSql(`create function public_disclosures_sign_tokens() returns trigger language plpgsql as $$
      begin
        new.token_signature := public_disclosure_token_signature(new.tokens);
        return new;
      end $$;`);
    this.addSql(`alter table "public_disclosures" add column "token_signature" bit(1024) null;`);
    this.addSql(`alter table "public_disclosures" alter column "token_signature" set storage plain;`);
    this.addSql(`create trigger public_disclosures_sign_tokens before insert or update of tokens on "public_disclosures"
      for each row execute function public_disclosures_sign_tokens();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists public_disclosures_sign_tokens on "public_disclosures";`);
    this.addSql(`alter table "public_disclosures" drop column "token_signature";`);
    this.addSql(`drop function if exists public_disclosures_sign_tokens();`);
    this.addSql(`drop function if exists public_disclosure_token_signature(bigint[]);`);
  }
}
