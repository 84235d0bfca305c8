import { AuditCheckpointWriter, AuditVerifier } from '@credit/audit';
import type { CliCommand } from '../command';

export const auditVerifyCommand: CliCommand = {
  name: 'audit:verify',
  usage: 'audit:verify [--checkpoint]',
  description: 'Check the audit log against its hash chain and signed checkpoints; names the first bad row and each disagreeing checkpoint.',
  async run(context, args) {
    const app = await context.app();
    const result = await app.get(AuditVerifier).verify();
    const legacy = result.legacyRows > 0 ? `, ${result.legacyRows} of them hashed before the actor name was covered` : '';
    if (result.problems.length === 0) {
      context.out(`audit log intact: ${result.rowsChecked} rows${legacy}, hash chain unbroken, ${result.checkpointsChecked} signed checkpoint(s) agree`);
      // Only an intact log may be vouched for: a checkpoint of a tampered head would sign the tampering.
      if (args.includes('--checkpoint')) {
        const written = await app.get(AuditCheckpointWriter).write();
        context.out(written ? `checkpoint written: ${written.rowCount} rows up to row ${written.lastId}` : 'no new checkpoint: the head is already checkpointed');
      }
      return 0;
    }
    context.out(`audit log TAMPERED: ${result.problems.length} problem(s) in ${result.rowsChecked} rows; first bad row: ${result.firstBadRow}`);
    for (const problem of result.problems) {
      context.out(`  row ${problem.id}: ${problem.problem}${problem.checkpoint ? ` (checkpoint ${problem.checkpoint})` : ''} — ${problem.detail}`);
    }
    return 1;
  },
};
