import { BoundedMemo } from './bounded-memo';

describe('BoundedMemo', () => {
  it('computes a value once per key and answers it again from memory', () => {
    const memo = new BoundedMemo<number>(10);
    let computed = 0;
    const square = (n: number) => () => (computed++, n * n);
    expect(memo.get('3', square(3))).toBe(9);
    expect(memo.get('3', square(4))).toBe(9);
    expect(memo.get('4', square(4))).toBe(16);
    expect(computed).toBe(2);
  });

  it('remembers at most its bound, forgetting every key when full', () => {
    const memo = new BoundedMemo<string>(2);
    memo.get('a', () => 'a1');
    memo.get('b', () => 'b1');
    expect(memo.get('c', () => 'c1')).toBe('c1'); // full: a and b are forgotten, c remembered
    expect(memo.get('a', () => 'a2')).toBe('a2');
    expect(memo.get('c', () => 'c2')).toBe('c1');
  });
});
