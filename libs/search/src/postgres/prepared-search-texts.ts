// Which search texts run as named prepared statements. A prepared search holds ~0.5 MB in every backend that
// prepared it (its generic plan and query trees: 50 statements took 25.6 MB in one backend on the bench's 1M),
// and the texts change: callers shape them (terms, filters, cursors), so do the statistics (a walk's LIMIT comes
// from them, reloaded every 10 minutes), and so does the day (today's date is in the text). So names are given per
// window of 10 minutes: a text seen before in the window gets one (the head of the traffic repeats within
// seconds), at most MAX_PREPARED_TEXTS a window, and the search connections live at most one window
// (SEARCH_READER_MAX_LIFETIME_SECONDS), so a backend holds at most about twice that many. Every other search runs
// unnamed: planned on each run, and with the session's forced generic plans (SEARCH_SESSION_OPTIONS), a generic
// plan, as good as a custom one for nearly every search (bench/search/prepared-costs.ts lists the exceptions).
import { SecondSighting } from '@credit/common';
import { preparedStatementName } from '@credit/db';

export const MAX_PREPARED_TEXTS = 64;
export const PREPARED_TEXTS_WINDOW_MS = 10 * 60_000;
const MAX_SEEN_TEXTS = 4_096;

export class PreparedSearchTexts {
  private window = -1;
  private readonly sightings = new SecondSighting(MAX_SEEN_TEXTS);
  private readonly named = new Map<string, string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The statement name for this text now, or undefined when it should run unnamed. */
  nameFor(text: string): string | undefined {
    const window = Math.floor(this.now() / PREPARED_TEXTS_WINDOW_MS);
    if (window !== this.window) {
      this.window = window;
      this.sightings.clear();
      this.named.clear();
    }
    const known = this.named.get(text);
    if (known !== undefined) return known;
    if (this.named.size >= MAX_PREPARED_TEXTS) return undefined;
    if (!this.sightings.seenBefore(text)) return undefined;
    this.sightings.forget(text);
    const name = preparedStatementName('search', text);
    this.named.set(text, name);
    return name;
  }
}
