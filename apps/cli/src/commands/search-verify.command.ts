import { SearchReindexService } from '@credit/disclosure';
import type { CliCommand } from '../command';

export const searchVerifyCommand: CliCommand = {
  name: 'search:verify',
  usage: 'search:verify',
  description: 'Compare the search index with what should be published today; exit code 1 when they differ.',
  async run(context) {
    const app = await context.app();
    const report = await app.get(SearchReindexService).verify();
    context.out(`expected ${report.expected} published documents, the index holds ${report.indexed}`);
    const kinds = [
      ['missing', 'should be published but are not in the index'],
      ['extra', 'are in the index but must not be published (withdrawn, repaired or expired)'],
      ['changed', 'differ from the current public projection'],
    ] as const;
    for (const [kind, meaning] of kinds) {
      if (report[kind] > 0) context.out(`${report[kind]} ${meaning}, e.g. record ids ${report.samples[kind].join(', ')}`);
    }
    const differs = report.missing + report.extra + report.changed > 0;
    context.out(differs ? 'the index differs from what should be published' : 'the index matches what should be published');
    return differs ? 1 : 0;
  },
};
