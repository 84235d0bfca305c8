// BENCH_INGEST_BASELINE_ROOT=<another checkout, with node_modules>: bench/ingest compares this checkout's push with
// that checkout's, in turns. Each turn runs both checkouts' own bench/ingest/run.ts once (BENCH_INGEST_RUNS=1), each
// in a child process of its own with its own start:prod V8 flags, the two taking turns at going first, so a machine
// whose speed drifts during the run favours neither. On a shared two-core machine two pushes minutes apart differed
// by more than 20 %: a before/after read from separate runs cannot be trusted there. Both sides run as fresh
// processes: run in this one, this checkout's pushes after the first were ~6 % faster than its own pushes in fresh
// children (median quotient of push times 1.060 over six turns of the same code on both sides). The per-turn ratio
// quotients do not cancel the machine's drift as one might hope: a run's COPY comes after its push, at another moment
// (six turns of 0c075be against 2e25cda: push faster in all six, ratio quotients 0.82-1.08). Read the push times
// and the CPU of each side together with them.
// Each child writes its checkout's bench/results/ingest.json, which is put back as it was; this checkout's file then
// receives the median run of its side, with every turn of both sides beside it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { apiNodeFlags } from '../support/api-node-flags';
import { writeResult } from '../support/bench-database';
import { describeCheckout } from '../support/checkout';

interface ChildRun {
  graphqlSeconds: number;
  ratio: number;
  recordsOnlyRatio: number;
  cpuSeconds: { node: number; postgres: number | null };
  [field: string]: unknown;
}

/** One push of `root`'s code, compared with its own COPY (its bench, BENCH_INGEST_RUNS=1), in a child process. */
async function runChild(root: string): Promise<ChildRun> {
  const resultFile = path.join(root, 'bench', 'results', 'ingest.json');
  const kept = fs.existsSync(resultFile) ? fs.readFileSync(resultFile) : null;
  // Removed first, so a child that ends without writing one is not read as the run.
  fs.rmSync(resultFile, { force: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...apiNodeFlags(root), '-r', './tools/register.js', path.join('bench', 'ingest', 'run.ts')], {
        cwd: root,
        // The checkout's own tsconfig paths: this process's SWC_NODE_PROJECT (tools/register.js) would make the
        // child load this checkout's libs/ under the other checkout's bench/ and apps/.
        env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.json'), BENCH_INGEST_RUNS: '1', BENCH_INGEST_BASELINE_ROOT: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk) => (output += chunk));
      child.stderr?.on('data', (chunk) => (output += chunk));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench/ingest of ${root} exited with ${code}:\n${output.slice(-4000)}`))));
    });
    return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as ChildRun;
  } finally {
    if (kept) fs.writeFileSync(resultFile, kept);
    else fs.rmSync(resultFile, { force: true });
  }
}

/** The middle value; of an even count, the mean of the two middle ones. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

const round = (value: number) => Number(value.toFixed(3));
const brief = (run: ChildRun) => ({ graphqlSeconds: run.graphqlSeconds, ratio: run.ratio, recordsOnlyRatio: run.recordsOnlyRatio, cpuSeconds: run.cpuSeconds });
const line = (text: string) => process.stdout.write(`${text}\n`);

export async function comparePaired(thisRoot: string, baselineRoot: string, turns: number): Promise<void> {
  const sides = { this: [] as ChildRun[], baseline: [] as ChildRun[] };
  for (let turn = 1; turn <= turns; turn++) {
    for (const side of turn % 2 === 1 ? (['this', 'baseline'] as const) : (['baseline', 'this'] as const)) {
      const run = await runChild(side === 'this' ? thisRoot : baselineRoot);
      sides[side].push(run);
      line(`turn ${turn} of ${turns}, ${side.padEnd(8)}: push ${run.graphqlSeconds.toFixed(1)} s, ratios ${run.ratio.toFixed(3)} / ${run.recordsOnlyRatio.toFixed(3)}, CPU Node ${run.cpuSeconds.node.toFixed(1)} s, PostgreSQL ${run.cpuSeconds.postgres?.toFixed(1) ?? 'n/a'} s`);
    }
  }
  // Per turn: the ratios, this side's over the baseline's, and the push times, the baseline's over this side's.
  const per = (f: (mine: ChildRun, theirs: ChildRun) => number) => sides.this.map((run, i) => f(run, sides.baseline[i]));
  const quotients = { ratio: per((a, b) => a.ratio / b.ratio), recordsOnlyRatio: per((a, b) => a.recordsOnlyRatio / b.recordsOnlyRatio), pushTime: per((a, b) => b.graphqlSeconds / a.graphqlSeconds) };
  const medians = (runs: ChildRun[]) => ({ ratio: median(runs.map((r) => r.ratio)), recordsOnlyRatio: median(runs.map((r) => r.recordsOnlyRatio)) });
  const [mine, theirs] = [medians(sides.this), medians(sides.baseline)];
  const listed = (values: number[]) => `${values.map((q) => q.toFixed(3)).join(', ')} (median ${median(values).toFixed(3)})`;
  const commits = { this: describeCheckout(thisRoot), baseline: describeCheckout(baselineRoot) };
  line(`this ${commits.this}, baseline ${commits.baseline} (${baselineRoot})`);
  line(`medians, this against the baseline: all-table ratio ${mine.ratio.toFixed(3)} against ${theirs.ratio.toFixed(3)}, records-only ${mine.recordsOnlyRatio.toFixed(3)} against ${theirs.recordsOnlyRatio.toFixed(3)}`);
  line(`per turn, above 1 where this checkout did better: all-table ratio, this ÷ baseline ${listed(quotients.ratio)}`);
  line(`  records-only ratio, this ÷ baseline ${listed(quotients.recordsOnlyRatio)}`);
  line(`  push time, baseline ÷ this ${listed(quotients.pushTime)}`);
  // This side's run of the median records-only ratio (the lower of the two middle ones), as its own bench wrote it,
  // with both sides' turns and the commit each checkout was at.
  const standing = [...sides.this].sort((a, b) => a.recordsOnlyRatio - b.recordsOnlyRatio)[Math.floor((turns - 1) / 2)];
  const { measuredAt: _measuredAt, ...result } = standing;
  const file = writeResult('ingest', {
    ...result,
    paired: {
      baselineRoot,
      commits,
      turns: sides.this.map((run, i) => ({ this: brief(run), baseline: brief(sides.baseline[i]) })),
      medianQuotients: { ratio: round(median(quotients.ratio)), recordsOnlyRatio: round(median(quotients.recordsOnlyRatio)), pushTime: round(median(quotients.pushTime)) },
      medians: { this: mine, baseline: theirs },
    },
  });
  line(`→ ${file}`);
}
