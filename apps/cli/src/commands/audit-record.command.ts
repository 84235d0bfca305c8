import { PenaltyAuditTrailRepository } from '@credit/penalties';
import { CliCommand, isRecordId } from '../command';

const USAGE = 'audit:record <record id> … | --decision <决定书文号>';

export const auditRecordCommand: CliCommand = {
  name: 'audit:record',
  usage: USAGE,
  description: "Print a penalty record's audited changes (who, when, action, version, hash after), from per-batch and per-record entries.",
  async run(context, args) {
    const trail = (await context.app()).get(PenaltyAuditTrailRepository);
    const decisionAt = args.indexOf('--decision');
    let ids: string[];
    if (decisionAt >= 0) {
      const decision = args[decisionAt + 1]?.trim();
      if (!decision || args.length !== 2) return usage(context);
      const found = await trail.recordIdsOf(decision);
      if (found.length === 0) {
        context.out(`no penalty record has decision number ${decision}`);
        return 1;
      }
      for (const record of found) context.out(`record ${record.id}: ${decision} of ${record.departmentCode}`);
      ids = found.map((record) => record.id);
    } else {
      if (args.length === 0 || args.length > 1000 || !args.every(isRecordId)) return usage(context);
      ids = args;
    }
    const events = await trail.events(ids);
    if (events.length === 0) {
      context.out(`no audited change of record ${ids.join(', ')}`);
      return 1;
    }
    for (const event of events) {
      const version = event.version === null ? '' : ` v${event.version}`;
      const hash = event.afterHash ? `  after ${event.afterHash.slice(0, 16)}…` : '';
      context.out(`record ${event.recordId}  ${event.occurredAt.toISOString()}  ${event.action}${version}  by ${event.actorType} ${event.actorName ?? ''}  (audit row ${event.auditId})${hash}`);
    }
    return 0;
  },
};

function usage(context: { out(line: string): void }): number {
  context.out(`usage: ${USAGE}  (record ids as the API returns them, at most 1000)`);
  return 2;
}
