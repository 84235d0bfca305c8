// For work worth doing only for keys that come back (compiling a query text, preparing a statement): a key is
// acted on from its second sighting, so a stream of one-off keys costs a set lookup each, not the work.

/** The keys seen once and not yet acted on, at most `maxRemembered` of them (when full, it forgets them all). */
export class SecondSighting {
  private readonly seen = new Set<string>();

  constructor(private readonly maxRemembered: number) {}

  /** Whether `key` was seen before; if not, it is remembered now. */
  seenBefore(key: string): boolean {
    if (this.seen.has(key)) return true;
    if (this.seen.size >= this.maxRemembered) this.seen.clear();
    this.seen.add(key);
    return false;
  }

  /** Forgets `key` (the caller acted on it). */
  forget(key: string): void {
    this.seen.delete(key);
  }

  clear(): void {
    this.seen.clear();
  }
}
