// search:reindex and search:verify. A rebuild reads every candidate record in one REPEATABLE READ snapshot,
// writes a new index version beside the live one, then catches up from the outbox: every record whose latest
// change the snapshot did not see (its writer_xid is not visible in it) is delivered again from its current
// row. Catch-up runs before the swap (into the new version) and after it (into the live alias), so a change
// delivered to the old version in between is not lost. Versions make every repeat a no-op.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@credit/common';
import { Database, pgExecutor } from '@credit/db';
import { stableJson } from '@credit/audit';
import { todayInChina } from '@credit/domain';
import { DisclosureDocument, IndexOperation, SEARCH_INDEX, SearchIndex, StoredDocument } from '@credit/search';
import { BuiltOperation, DisclosureSourceRow, tryIndexOperationFor } from './disclosure-document';
import { DisclosureSourceRepository } from './disclosure-source.repository';
import { SearchOutboxRepository } from './search-outbox.repository';

export const REINDEX_CHUNK = 2000;

export interface ReindexProgress {
  start(total: number): void;
  /** May return a promise; the rebuild waits for it (tests use that to change data mid-build). */
  advance(rows: number): void | Promise<void>;
  stop(): void;
}

export interface ReindexSummary {
  indexName: string;
  scanned: number;
  indexed: number;
  caughtUp: number;
  /** Records whose document could not be built: left out of the new index, reported, never an aborted run. */
  skipped: number;
  /** Up to SKIPPED_SAMPLES of them with the reason. */
  skippedSamples: { id: string; error: string }[];
}

export const SKIPPED_SAMPLES = 20;

export interface VerifyReport {
  /** Documents that should be in the index today. */
  expected: number;
  /** Live documents in the index. */
  indexed: number;
  /** Should be there and is not (e.g. the outbox is behind). */
  missing: number;
  /** Is there and should not be (withdrawn, or expired and not yet swept). */
  extra: number;
  /** Is there with other content than the current projection. */
  changed: number;
  /** Up to sampleLimit record ids of each kind. */
  samples: { missing: string[]; extra: string[]; changed: string[] };
}

const SILENT: ReindexProgress = { start: () => undefined, advance: () => undefined, stop: () => undefined };

@Injectable()
export class SearchReindexService {
  constructor(
    private readonly db: Database,
    private readonly source: DisclosureSourceRepository,
    private readonly outbox: SearchOutboxRepository,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reindex(progress: ReindexProgress = SILENT): Promise<ReindexSummary> {
    await this.index.ensureReady();
    const build = await this.index.beginBuild();
    const today = todayInChina();
    let scanned = 0;
    let indexed = 0;
    const skipped: { id: string; error: string }[] = [];
    let skippedCount = 0;
    const buildOne = (row: DisclosureSourceRow, version: number): IndexOperation | null => {
      const built: BuiltOperation = tryIndexOperationFor(row, version, this.options(), today);
      if (built.ok) return built.operation;
      skippedCount++;
      if (skipped.length < SKIPPED_SAMPLES) skipped.push({ id: built.id, error: built.error });
      return null;
    };
    let snapshot: string;
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const sql = pgExecutor(client);
      snapshot = await this.outbox.currentSnapshot(sql);
      progress.start(await this.source.countCandidates(sql));
      // Reading the next chunk overlaps writing the previous one.
      let next = this.source.candidates(sql, '0', REINDEX_CHUNK);
      for (let rows = await next; rows.length > 0; rows = await next) {
        next = this.source.candidates(sql, rows[rows.length - 1].id, REINDEX_CHUNK);
        const ops = rows.map((row) => buildOne(row, Number(row.version ?? 0))).filter((op): op is IndexOperation => op !== null && op.op === 'upsert');
        await build.apply(ops);
        scanned += rows.length;
        indexed += ops.length;
        await progress.advance(rows.length);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      await build.abort();
      throw error;
    } finally {
      client.release();
      progress.stop();
    }
    let caughtUp: number;
    try {
      caughtUp = await this.catchUp(snapshot, (ops) => build.apply(ops), buildOne);
      await build.commit();
    } catch (error) {
      await build.abort();
      throw error;
    }
    caughtUp = Math.max(caughtUp, await this.catchUp(snapshot, (ops) => this.index.apply(ops), buildOne));
    return { indexName: build.name, scanned, indexed, caughtUp, skipped: skippedCount, skippedSamples: skipped };
  }

  /** Delivers again, from current rows and versions, every record changed after `snapshot`. */
  private async catchUp(snapshot: string, apply: (ops: IndexOperation[]) => Promise<void>, build: (row: DisclosureSourceRow, version: number) => IndexOperation | null): Promise<number> {
    let count = 0;
    for (let changed = await this.outbox.changedSince(this.db, snapshot, '0', REINDEX_CHUNK); changed.length > 0; ) {
      const rows = new Map((await this.source.load(this.db, changed.map((c) => c.id))).map((row) => [row.id, row]));
      await apply(
        changed
          .map(({ id, version }) => {
            const row = rows.get(id);
            // Versions come with the row (read in the same statement as its state) when it exists.
            return row ? build(row, Number(row.version ?? version)) : { op: 'delete' as const, id, version };
          })
          .filter((op): op is IndexOperation => op !== null),
      );
      count += changed.length;
      changed = await this.outbox.changedSince(this.db, snapshot, changed[changed.length - 1].id, REINDEX_CHUNK);
    }
    return count;
  }

  /** Compares the index with what should be published today; both sides are walked in id order. */
  async verify(sampleLimit = 20): Promise<VerifyReport> {
    const report: VerifyReport = { expected: 0, indexed: 0, missing: 0, extra: 0, changed: 0, samples: { missing: [], extra: [], changed: [] } };
    const differ = (kind: 'missing' | 'extra' | 'changed', id: string) => {
      report[kind]++;
      if (report.samples[kind].length < sampleLimit) report.samples[kind].push(id);
    };
    const expected = this.expectedStream(todayInChina());
    const actual = this.indexStream();
    let e = await expected.next();
    let a = await actual.next();
    while (!e.done || !a.done) {
      const want = e.done ? null : e.value;
      const have = a.done ? null : a.value.doc;
      const order = want === null ? 1 : have === null ? -1 : compareIds(want.id, have.id);
      if (order <= 0) report.expected++;
      if (order >= 0) report.indexed++;
      if (order < 0) differ('missing', (want as DisclosureDocument).id);
      else if (order > 0) differ('extra', (have as DisclosureDocument).id);
      else if (stableJson(want) !== stableJson(have)) differ('changed', (want as DisclosureDocument).id);
      if (order <= 0) e = await expected.next();
      if (order >= 0) a = await actual.next();
    }
    return report;
  }

  private async *expectedStream(today: string): AsyncGenerator<DisclosureDocument> {
    for (let rows = await this.source.candidates(this.db, '0', REINDEX_CHUNK); rows.length > 0; rows = await this.source.candidates(this.db, rows[rows.length - 1].id, REINDEX_CHUNK)) {
      for (const row of rows) {
        // A record whose document cannot be built is not expected in the index (the reindex skips it too).
        const built = tryIndexOperationFor(row, 0, this.options(), today);
        if (built.ok && built.operation.op === 'upsert') yield built.operation.doc;
      }
    }
  }

  private async *indexStream(): AsyncGenerator<StoredDocument> {
    for (let docs = await this.index.scan(null, REINDEX_CHUNK); docs.length > 0; docs = await this.index.scan(docs[docs.length - 1].doc.id, REINDEX_CHUNK)) {
      yield* docs;
    }
  }

  private options() {
    return { publishNaturalPersons: this.config.publishNaturalPersons };
  }
}

function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
