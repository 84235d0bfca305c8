// The department of the abuse run (bench/load/abuse.ts), in its own process as a real department's system
// would be: the abusers' sockets in the bench process cannot delay its timers or its timing. It pushes a
// batch of new penalty records through submitPenaltyRecords on a fixed schedule (open loop: a slow answer
// does not postpone the next batch, up to `maxInFlight` at once) until told to stop, then hands back one
// sample per scheduled batch.
import http from 'node:http';
import { buildUscc } from '@credit/domain';
import { penaltyRecord } from '../../test/support/records';

export interface PusherOptions {
  origin: string;
  apiKey: string;
  localAddress: string;
  batch: number;
  perSecond: number;
  maxInFlight: number;
  /** Numbers the records from here, so every record of the run is new. */
  firstRecord: number;
}

export interface PushSample {
  /** When the batch was due (epoch ms): the phase it belongs to. */
  at: number;
  /** From when it was due to the whole answer, in ms; NaN when it was skipped. */
  ms: number;
  /** HTTP status and the first GraphQL error code, or "200 OK" with every record created; "SKIPPED" when maxInFlight batches were still open. */
  outcome: string;
}

export type PusherMessage = { type: 'start'; options: PusherOptions } | { type: 'stop' };

export const SUBMIT = 'mutation Push($records: [PenaltyRecordInput!]!) { submitPenaltyRecords(records: $records) { created updated unchanged rejected } }';

/** `count` new records from number `first` on: each a new subject, the deciding authority the pushing department. */
export function batchOfRecords(first: number, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => {
    const n = first + index;
    return penaltyRecord({ decisionNumber: `滁市监压测罚〔2026〕${n}号`, partyName: `滁州市压测食品有限公司${n}`, uscc: buildUscc('91', '341102', String(70_000_000 + n)) });
  });
}

/** One push; resolves with its outcome, never rejects (a refused connection is an outcome too). */
export function push(agent: http.Agent, options: Pick<PusherOptions, 'origin' | 'apiKey' | 'localAddress'>, records: Record<string, unknown>[]): Promise<string> {
  const body = JSON.stringify({ query: SUBMIT, variables: { records } });
  return new Promise((resolve) => {
    const request = http.request(
      `${options.origin}/graphql`,
      { method: 'POST', agent, localAddress: options.localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-api-key': options.apiKey } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            const code = json.errors?.[0]?.extensions?.code as string | undefined;
            const created = json.data?.submitPenaltyRecords?.created as number | undefined;
            resolve(`${response.statusCode} ${code ?? (created === records.length ? 'OK' : `CREATED_${created}_OF_${records.length}`)}`);
          } catch {
            resolve(`${response.statusCode} NOT_JSON`);
          }
        });
        response.on('error', (error) => resolve(`ERROR ${(error as NodeJS.ErrnoException).code ?? error.message}`));
      },
    );
    request.on('error', (error) => resolve(`ERROR ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    request.end(body);
  });
}

function run(options: PusherOptions): void {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxInFlight });
  const interval = 1000 / options.perSecond;
  const samples: PushSample[] = [];
  const open = new Set<Promise<void>>();
  const started = Date.now();
  let due = 0;
  let stopping = false;
  let next = options.firstRecord;
  let timer: NodeJS.Timeout;

  const tick = () => {
    const at = started + due * interval;
    due++;
    if (open.size >= options.maxInFlight) {
      samples.push({ at, ms: NaN, outcome: 'SKIPPED' });
    } else {
      const records = batchOfRecords(next, options.batch);
      next += options.batch;
      const pending: Promise<void> = push(agent, options, records).then((outcome) => {
        samples.push({ at, ms: Date.now() - at, outcome });
        open.delete(pending);
      });
      open.add(pending);
    }
    if (!stopping) timer = setTimeout(tick, Math.max(0, started + due * interval - Date.now()));
  };
  tick();

  process.on('message', (message: PusherMessage) => {
    if (message.type !== 'stop') return;
    stopping = true;
    clearTimeout(timer);
    void Promise.all(open).then(() => {
      agent.destroy();
      samples.sort((a, b) => a.at - b.at);
      process.send?.({ type: 'samples', samples, nextRecord: next }, () => process.exit(0));
    });
  });
}

if (require.main === module) {
  process.once('message', (message: PusherMessage) => {
    if (message.type === 'start') run(message.options);
  });
  // The parent going away ends the department too.
  process.on('disconnect', () => process.exit(0));
}
