import { SearchOutboxDelivery } from '@credit/disclosure';
import { CliCommand, isRecordId } from '../command';

export const searchDeadLettersCommand: CliCommand = {
  name: 'search:dead-letters',
  usage: 'search:dead-letters [--limit N]',
  description: 'List search outbox entries set aside after OUTBOX_MAX_ATTEMPTS failed builds (oldest first).',
  async run(context, args) {
    const limitAt = args.indexOf('--limit');
    const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      context.out('--limit takes a whole number from 1 to 10000');
      return 2;
    }
    const delivery = (await context.app()).get(SearchOutboxDelivery);
    const [letters, stats] = [await delivery.deadLetters(limit), await delivery.stats()];
    context.out(`${stats.deadLetters} dead letters${stats.deadLetters > letters.length ? ` (showing ${letters.length})` : ''}`);
    for (const letter of letters) {
      context.out(`record ${letter.recordId}  ${letter.departmentCode}  ${letter.decisionNumber}  ${letter.attempts} attempts, dead since ${letter.deadAt.toISOString()}: ${letter.lastError ?? ''}`);
    }
  },
};

export const searchRetryCommand: CliCommand = {
  name: 'search:retry',
  usage: 'search:retry --all | <record id> …',
  description: 'Make dead letters due again (after fixing the record or the code); the worker delivers them.',
  async run(context, args) {
    const ids = args.filter((arg) => arg !== '--all');
    if ((args.includes('--all') ? 1 : 0) + (ids.length > 0 ? 1 : 0) !== 1 || !ids.every(isRecordId)) {
      context.out('usage: search:retry --all | <record id> …  (record ids as search:dead-letters lists them)');
      return 2;
    }
    const revived = await (await context.app()).get(SearchOutboxDelivery).retryDeadLetters(ids.length > 0 ? ids : null);
    context.out(revived.length > 0 ? `${revived.length} dead letters are due again: ${revived.join(', ')}` : 'no dead letters matched');
    return revived.length > 0 || args.includes('--all') ? 0 : 1;
  },
};
