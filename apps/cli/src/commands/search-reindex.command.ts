import { Presets, SingleBar } from 'cli-progress';
import { SearchReindexService } from '@credit/disclosure';
import type { CliCommand } from '../command';

export const searchReindexCommand: CliCommand = {
  name: 'search:reindex',
  usage: 'search:reindex',
  description: 'Rebuild the public search index from PostgreSQL as a new version, catch up from the outbox, swap it in.',
  // The swap renames public_disclosures, which only its owner may; the application role cannot.
  asOwner: true,
  async run(context) {
    const app = await context.app();
    const bar = new SingleBar({ format: 'reindex [{bar}] {percentage}% | {value}/{total} records | {eta_formatted} left', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
    const started = Date.now();
    const summary = await app.get(SearchReindexService).reindex({
      start: (total) => bar.start(total, 0),
      advance: (rows) => bar.increment(rows),
      stop: () => bar.stop(),
    });
    context.out(
      `built ${summary.indexName}: ${summary.indexed} published of ${summary.scanned} candidate records, ` +
        `${summary.caughtUp} caught up from the outbox, swapped in, old version dropped (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    if (summary.skipped > 0) {
      context.out(`${summary.skipped} records were skipped because their public document could not be built:`);
      for (const { id, error } of summary.skippedSamples) context.out(`  record ${id}: ${error}`);
    }
  },
};
