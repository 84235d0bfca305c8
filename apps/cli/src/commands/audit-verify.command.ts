import { AuditVerifier } from '@credit/audit';
import type { CliCommand } from '../command';

export const auditVerifyCommand: CliCommand = {
  name: 'audit:verify',
  usage: 'audit:verify',
  description: 'Check the hash chain of the audit log; names every changed row and where rows were deleted.',
  async run(context) {
    const result = await (await context.app()).get(AuditVerifier).verify();
    if (result.problems.length === 0) {
      context.out(`audit log intact: ${result.rowsChecked} rows, hash chain unbroken`);
      return 0;
    }
    context.out(`audit log TAMPERED: ${result.problems.length} problem(s) in ${result.rowsChecked} rows`);
    for (const problem of result.problems) context.out(`  row ${problem.id}: ${problem.problem} — ${problem.detail}`);
    return 1;
  },
};
