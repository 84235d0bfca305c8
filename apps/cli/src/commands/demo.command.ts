import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { formatDemoReport, seedDemo } from '../demo/demo-seeder';

export const demoCommand: CliCommand = {
  name: 'demo:seed',
  usage: 'demo:seed [--entities 3000]',
  description: 'Load synthetic 滁州 data (departments, entities, penalty records, showcase subjects); print API keys, a regulator login and subjects to try.',
  async run(context, args) {
    const { values } = parseArgs({ args, options: { entities: { type: 'string', default: '3000' } } });
    const entities = Number(values.entities);
    if (!Number.isInteger(entities) || entities < 1 || entities > 200_000) throw new Error('--entities must be a whole number from 1 to 200000');
    const result = await seedDemo(await context.app(), { entities });
    for (const line of formatDemoReport(result)) context.out(line);
  },
};
