// `tiers:recompute [--all] [--region <code>]`: recomputes credit tiers (信用风险分类). Without options it runs the
// sweep on demand (subjects whose next review date has come); --all recomputes every subject set-based, --region
// those within a GB/T 2260 division (341100 includes 341102). Prints a progress bar on a terminal, plain lines
// otherwise, then how many subjects moved between which levels.
import { Presets, SingleBar } from 'cli-progress';
import { RecomputeAllSummary, TierRecomputeService } from '@credit/credit-tiers';
import type { CliCommand, CliContext } from '../command';

const SWEEP_BATCH = 1000;

export const tiersRecomputeCommand: CliCommand = {
  name: 'tiers:recompute',
  usage: 'tiers:recompute [--all] [--region <code>]',
  description: 'Recompute credit tiers: due subjects (default), all subjects, or those within a region.',
  async run(context, args) {
    const options = parseArgs(args);
    if (typeof options === 'string') {
      context.out(`${options}\nusage: ${this.usage}`);
      return 2;
    }
    const service = (await context.app()).get(TierRecomputeService);
    if (!options.all && options.region === null) {
      let total = 0;
      for (let done = SWEEP_BATCH; done === SWEEP_BATCH; total += done) done = await service.recomputeDue(SWEEP_BATCH);
      context.out(`recomputed ${total} subject(s) whose next review date had come (rule set ${service.ruleSet.version})`);
      return 0;
    }
    const summary = await recomputeWithProgress(context, service, options.region);
    printSummary(context, summary, options.region);
    return 0;
  },
};

function parseArgs(args: string[]): { all: boolean; region: string | null } | string {
  let all = false;
  let region: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--all') all = true;
    else if (arg === '--region' && args[i + 1]) region = args[++i];
    else if (arg.startsWith('--region=')) region = arg.slice('--region='.length);
    else return `unknown or incomplete option: ${arg}`;
  }
  if (region !== null && !/^\d{6}$/.test(region)) return `--region must be a six-digit GB/T 2260 code, got "${region}"`;
  return { all, region };
}

async function recomputeWithProgress(context: CliContext, service: TierRecomputeService, region: string | null): Promise<RecomputeAllSummary> {
  const tty = Boolean(process.stdout.isTTY);
  const bar = tty ? new SingleBar({ format: '  {bar} {percentage}% | {value}/{total} subjects | {changed} changed | {duration_formatted}', hideCursor: true }, Presets.shades_classic) : null;
  let lastLine = 0;
  try {
    return await service.recomputeAll({
      regionCode: region,
      onStaged: ({ subjects, records, ms }) => {
        context.out(`staged ${subjects.toLocaleString('en')} subjects and ${records.toLocaleString('en')} relevant records in ${(ms / 1000).toFixed(1)} s`);
        bar?.start(subjects, 0, { changed: 0 });
      },
      onProgress: (p) => {
        if (bar) bar.update(p.subjectsDone, { changed: p.changed });
        else if (p.chunk === p.chunks || Date.now() - lastLine > 2000) {
          lastLine = Date.now();
          context.out(`  chunk ${p.chunk}/${p.chunks}: ${p.subjectsDone}/${p.subjectsTotal} subjects, ${p.changed} changed`);
        }
      },
    });
  } finally {
    bar?.stop();
  }
}

function printSummary(context: CliContext, summary: RecomputeAllSummary, region: string | null): void {
  context.out(
    `recomputed ${summary.subjects} subject(s)${region ? ` within ${region}` : ''} as of ${summary.asOf} with rule set ${summary.ruleVersion} in ${(summary.totalMs / 1000).toFixed(1)} s`,
  );
  context.out(`  ${summary.changed} assessment(s) changed, ${summary.written} row(s) written`);
  if (summary.transitions.length === 0) {
    context.out('  no subject changed level');
    return;
  }
  context.out('  level changes:');
  for (const t of summary.transitions) context.out(`    ${t.from} → ${t.to}  ${t.count}`);
}
