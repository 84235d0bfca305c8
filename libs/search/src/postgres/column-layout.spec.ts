import { layoutOrder, WALKED_COLUMNS_FIRST } from './column-layout';

describe('layoutOrder', () => {
  it('puts the walked columns first, in their order, and keeps the others in theirs', () => {
    expect(layoutOrder(['party_name', 'token_signature', 'record_id', 'note', 'decision_date', 'tokens'])).toEqual([
      'record_id', 'decision_date', 'token_signature', 'tokens', 'party_name', 'note',
    ]);
  });

  it('lists every column once, whatever the table holds of the walked ones', () => {
    const names = ['z', ...WALKED_COLUMNS_FIRST].reverse();
    expect([...layoutOrder(names)].sort()).toEqual([...names].sort());
    expect(layoutOrder(['a', 'b'])).toEqual(['a', 'b']);
  });
});
