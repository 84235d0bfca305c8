// For a pure computation whose keys repeat (a query text's parse, its token verdict): each value computed once per
// key, at most `maxRemembered` remembered. When full it forgets them all, as SecondSighting does, so a stream of
// distinct keys costs a lookup each and the memory stays bounded.

export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly maxRemembered: number) {}

  /** The value remembered for `key`, or `compute()`'s, remembered now. */
  get(key: string, compute: () => V): V {
    let value = this.values.get(key);
    if (value === undefined) {
      value = compute();
      if (this.values.size >= this.maxRemembered) this.values.clear();
      this.values.set(key, value);
    }
    return value;
  }
}
