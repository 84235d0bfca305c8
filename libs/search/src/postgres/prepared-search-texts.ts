// Which search texts run as prepared statements. A prepared search holds ~0.5 MB in every backend that prepared
// it (its generic plan and query trees: 50 statements took 25.6 MB in one backend on the bench's 1M), and the
// texts are in the callers' hands to some degree (terms, filters, cursors shape them), so not every text gets a
// name: only one seen before the same day (the head of the traffic repeats within seconds), and at most
// MAX_PREPARED_TEXTS a day, so a backend holds at most that many (twice that across midnight). Every other search
// runs unnamed, planned for its own run as before. The date in the text makes each day's texts new ones.
import { preparedStatementName } from '@credit/db';

export const MAX_PREPARED_TEXTS = 64;
const MAX_SEEN_TEXTS = 4_096;

export class PreparedSearchTexts {
  private day = '';
  private readonly seen = new Set<string>();
  private readonly named = new Map<string, string>();

  /** The statement name for this text on this day, or undefined when it should run unnamed. */
  nameFor(text: string, day: string): string | undefined {
    if (day !== this.day) {
      this.day = day;
      this.seen.clear();
      this.named.clear();
    }
    const known = this.named.get(text);
    if (known !== undefined) return known;
    if (this.named.size >= MAX_PREPARED_TEXTS) return undefined;
    if (!this.seen.has(text)) {
      if (this.seen.size >= MAX_SEEN_TEXTS) this.seen.clear();
      this.seen.add(text);
      return undefined;
    }
    this.seen.delete(text);
    const name = preparedStatementName('search', text);
    this.named.set(text, name);
    return name;
  }
}
