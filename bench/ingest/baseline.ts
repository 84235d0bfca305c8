// BENCH_INGEST_BASELINE_ROOT=<another checkout, with node_modules>: bench/ingest also pushes with that checkout's
// code, one run of its own bench/ingest/run.ts in a child process beside each run of this one, the two taking turns
// at going first, so a machine whose speed drifts during the run favours neither. On a shared two-core machine two
// pushes minutes apart differed by more than 20 %; a before/after read from separate runs cannot be trusted there.
// The baseline writes its result to its own bench/results/ingest.json, which is put back as it was afterwards.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { apiNodeFlags } from '../support/api-node-flags';

export interface BaselineRun {
  graphqlSeconds: number;
  ratio: number;
  recordsOnlyRatio: number;
  cpuSeconds: { node: number; postgres: number | null };
}

/** One push with the baseline checkout's code, compared with its own COPY (its bench, BENCH_INGEST_RUNS=1). */
export async function runBaseline(root: string): Promise<BaselineRun> {
  const resultFile = path.join(root, 'bench', 'results', 'ingest.json');
  const kept = fs.existsSync(resultFile) ? fs.readFileSync(resultFile) : null;
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...apiNodeFlags(root), '-r', './tools/register.js', path.join('bench', 'ingest', 'run.ts')], {
        cwd: root,
        env: { ...process.env, BENCH_INGEST_RUNS: '1', BENCH_INGEST_BASELINE_ROOT: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk) => (output += chunk));
      child.stderr?.on('data', (chunk) => (output += chunk));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the baseline's bench/ingest exited with ${code}:\n${output.slice(-4000)}`))));
    });
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as BaselineRun;
    return { graphqlSeconds: result.graphqlSeconds, ratio: result.ratio, recordsOnlyRatio: result.recordsOnlyRatio, cpuSeconds: result.cpuSeconds };
  } finally {
    if (kept) fs.writeFileSync(resultFile, kept);
  }
}

/** The middle value; of an even count, the mean of the two middle ones. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

/** The lines that compare the two sides: each side's medians, and the median of the turns' push-time quotients. */
export function baselineSummary(runs: { graphqlSeconds: number; ratio: number; recordsOnlyRatio: number }[], baseline: BaselineRun[]): string[] {
  const quotients = runs.map((run, i) => baseline[i].graphqlSeconds / run.graphqlSeconds);
  return [
    `baseline (${process.env.BENCH_INGEST_BASELINE_ROOT}), the same turns: push ${baseline.map((b) => `${b.graphqlSeconds.toFixed(1)} s`).join(', ')}; ratios ${baseline.map((b) => `${b.ratio.toFixed(3)} / ${b.recordsOnlyRatio.toFixed(3)}`).join(', ')}`,
    `medians, this ÷ baseline: all-table ratio ${median(runs.map((r) => r.ratio)).toFixed(3)} ÷ ${median(baseline.map((b) => b.ratio)).toFixed(3)}, records-only ${median(runs.map((r) => r.recordsOnlyRatio)).toFixed(3)} ÷ ${median(baseline.map((b) => b.recordsOnlyRatio)).toFixed(3)}`,
    `baseline push time ÷ this push time, per turn: ${quotients.map((q) => q.toFixed(3)).join(', ')} (median ${median(quotients).toFixed(3)}; above 1: this checkout is faster)`,
  ];
}
