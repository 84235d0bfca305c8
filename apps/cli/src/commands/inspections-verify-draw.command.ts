// `inspections:verify-draw <planId> [--candidates file.csv]`: re-computes a 双随机 draw in Node from the revealed
// seed and the frozen candidate list (the database's, or a file exported from
// GET /inspections/plans/{id}/candidates.csv) and says whether it matches what was recorded: the seed against
// its commitment, the list against its hash, the strata counts and every selected subject. Exit 0 match, 1
// mismatch, 2 usage or unreadable input. SHA-256 is node:crypto's (nodeSha256), the same function as the pure one.
import fs from 'node:fs';
import { parseCandidateCsv } from '@credit/domain';
import { InspectionDrawService, nodeSha256 } from '@credit/inspections';
import type { CliCommand } from '../command';

const MAX_FILE_BYTES = 512 * 1024 * 1024;

export const inspectionsVerifyDrawCommand: CliCommand = {
  name: 'inspections:verify-draw',
  usage: 'inspections:verify-draw <planId> [--candidates file.csv]',
  description: 'Re-run a 双随机 inspection draw from its revealed seed and candidate list and say whether it matches.',
  help: 'Without --candidates the frozen list in the database is used; with it, the file (the exported CSV: "uscc,tier" then one line per candidate). Exit 0 match, 1 mismatch, 2 usage error.',
  async run(context, args) {
    const [planId, ...rest] = args;
    const fileIndex = rest.indexOf('--candidates');
    const file = fileIndex >= 0 ? rest[fileIndex + 1] : undefined;
    if (!planId || !/^\d{1,18}$/.test(planId) || (fileIndex >= 0 && !file) || rest.length !== (fileIndex >= 0 ? 2 : 0)) {
      context.out(`usage: ${this.usage}`);
      return 2;
    }
    let supplied = null;
    if (file) {
      if (!fs.existsSync(file) || fs.statSync(file).size > MAX_FILE_BYTES) {
        context.out(`cannot read ${file} (missing, or larger than ${MAX_FILE_BYTES} bytes)`);
        return 2;
      }
      const parsed = parseCandidateCsv(fs.readFileSync(file, 'utf8'));
      if ('error' in parsed) {
        context.out(`MISMATCH: ${file} is not a candidate list: ${parsed.error}`);
        return 1;
      }
      supplied = parsed.candidates;
    }
    const result = await (await context.app()).get(InspectionDrawService).verify(planId, supplied, nodeSha256);
    if (!result) {
      context.out(`no inspection plan ${planId}`);
      return 2;
    }
    for (const check of result.checks) context.out(`${check.ok ? 'ok      ' : 'MISMATCH'} ${check.name}: ${check.detail}`);
    context.out(result.matches ? `draw of plan ${planId} verified: MATCH` : `draw of plan ${planId}: MISMATCH`);
    return result.matches ? 0 : 1;
  },
};
