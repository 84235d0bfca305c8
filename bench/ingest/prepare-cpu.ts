// bench/ingest/prepare-cpu.ts: the JavaScript an ingest spends per record before any SQL, alone, by process CPU
// time rather than wall time (so a loaded machine blurs it less than the end-to-end bench): validation, then
// (phase "all") prepareRow and the rows' COPY data, over the demo generator's records.
// `node -r ./tools/register.js bench/ingest/prepare-cpu.ts [validate|all]` (BENCH_RECORDS, REPS). Compare two
// versions by the smallest repetitions of each, run alternately.
import './production-env';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSecrets, PersonalDataCipher } from '@credit/common';
import { todayInChina, validatePenaltyRecord } from '@credit/domain';
// The bench times these internals of the ingest, which @credit/penalties does not export.
// eslint-disable-next-line no-restricted-imports
import { copyTail, packCopyTails, PreparedPenaltyRow } from '../../libs/penalties/src/penalty-columns';
// eslint-disable-next-line no-restricted-imports
import { prepareRow } from '../../libs/penalties/src/penalty-record.preparation';
import { generateDemoData } from '../../apps/cli/src/demo/demo-data.generator';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const REPS = Number(process.env.REPS ?? 6);
const phase = process.argv[2] === 'validate' ? 'validate' : 'all';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-prepare-'));
const secrets = loadSecrets(dataDir, { NODE_ENV: 'production' });
const cipher = new PersonalDataCipher(secrets);
const drafts = [...generateDemoData({ entities: RECORDS, seed: 1 }).recordsByDepartment.values()].flat().slice(0, RECORDS);
const today = todayInChina();
const milliseconds: number[] = [];
for (let rep = 0; rep < REPS; rep++) {
  const started = process.cpuUsage();
  const rows: PreparedPenaltyRow[] = [];
  for (const draft of drafts) {
    const outcome = validatePenaltyRecord(draft, today);
    if (outcome.ok && phase === 'all') rows.push(prepareRow(outcome.record, cipher, secrets.piiHashKey).row);
  }
  for (let i = 0; i < rows.length; i += 1000) packCopyTails(rows.slice(i, i + 1000).map(copyTail));
  const { user, system } = process.cpuUsage(started);
  milliseconds.push((user + system) / 1000);
}
const sorted = [...milliseconds].sort((a, b) => a - b);
process.stdout.write(`${phase}: ${drafts.length} records, CPU ms per repetition ${milliseconds.map((ms) => ms.toFixed(0)).join(', ')}; smallest three ${sorted.slice(0, 3).map((ms) => ms.toFixed(0)).join(', ')}\n`);
fs.rmSync(dataDir, { recursive: true, force: true });
