import { parseArgs } from 'node:util';
import { generatePassword, UserRole, UsersService } from '@credit/auth';
import { SYSTEM_ACTOR } from '@credit/audit';
import { CatalogueService, seedBlacklistCatalogue } from '@credit/blacklist';
import { DepartmentPrincipal } from '@credit/common';
import { DepartmentsService } from '@credit/departments';
import { PenaltyIngestService } from '@credit/penalties';
import type { CliCommand } from '../command';
import { departmentUscc, generateDemoData } from '../demo/demo-data.generator';
import { DEMO_DEPARTMENTS } from '../demo/demo-vocabulary';

const REGULATOR = 'demo-regulator';

export const demoCommand: CliCommand = {
  name: 'demo:seed',
  usage: 'demo:seed [--entities 3000]',
  description: 'Load synthetic 滁州 data (departments, entities, penalty records); print API keys and a regulator login.',
  async run(context, args) {
    const { values } = parseArgs({ args, options: { entities: { type: 'string', default: '3000' } } });
    const entities = Number(values.entities);
    if (!Number.isInteger(entities) || entities < 1 || entities > 200_000) throw new Error('--entities must be a whole number from 1 to 200000');
    const app = await context.app();
    const departments = app.get(DepartmentsService);
    const users = app.get(UsersService);
    const ingest = app.get(PenaltyIngestService);

    const keys = new Map<string, { id: string; apiKey: string }>();
    for (const d of DEMO_DEPARTMENTS) {
      const existing = (await departments.list(null, 200)).edges.find((edge) => edge.node.code === d.code)?.node;
      if (existing) {
        // Keys are stored only as hashes: a re-run issues a fresh one (the older of two active keys is retired).
        const { apiKey } = await departments.rotateKey({ departmentCode: d.code }, SYSTEM_ACTOR);
        keys.set(d.code, { id: existing.id, apiKey });
      } else {
        const { department, apiKey } = await departments.create({ code: d.code, name: d.name, uscc: departmentUscc(d.org), regionCode: '341100' }, SYSTEM_ACTOR);
        keys.set(d.code, { id: department.id, apiKey });
      }
    }

    const password = generatePassword();
    if (await users.findActiveByUsername(REGULATOR)) await users.setPassword(REGULATOR, password, SYSTEM_ACTOR);
    else await users.create({ username: REGULATOR, password, role: UserRole.REGULATOR, regionCode: '341100' }, SYSTEM_ACTOR);

    // The serious-dishonesty list catalogue (list types with their legal basis, and the measures each binds).
    const catalogue = await seedBlacklistCatalogue(app.get(CatalogueService), SYSTEM_ACTOR);

    const data = generateDemoData({ entities });
    const totals = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const d of DEMO_DEPARTMENTS) {
      const records = data.recordsByDepartment.get(d.code) ?? [];
      const principal: DepartmentPrincipal = { kind: 'DEPARTMENT', departmentId: keys.get(d.code)!.id, departmentCode: d.code, departmentName: d.name, regionCode: '341100', apiKeyId: '0' };
      for (let i = 0; i < records.length; i += 1000) {
        const summary = await ingest.submit(principal, records.slice(i, i + 1000));
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += summary[key];
        const firstError = summary.results.find((result) => result.errors.length > 0);
        if (firstError) context.out(`  note: ${d.code} item ${i + firstError.index} rejected: ${firstError.errors.map((e) => `${e.field} ${e.code}`).join(', ')}`);
      }
    }

    context.out('\nDemo data loaded (滁州市).');
    context.out(`  subjects: ${data.partyCounts.LEGAL_ENTITY} legal entities, ${data.partyCounts.INDIVIDUAL_BUSINESS} individual businesses, ${data.partyCounts.NATURAL_PERSON} natural persons`);
    context.out(`  penalty records: ${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged, ${totals.rejected} rejected`);
    context.out(`  serious-dishonesty list catalogue: ${catalogue.listTypesCreated} list types and ${catalogue.measuresCreated} measures created (existing ones kept)`);
    context.out('\nDepartment API keys (send as X-Api-Key; shown once):');
    for (const d of DEMO_DEPARTMENTS) context.out(`  ${d.code.padEnd(10)} ${d.name.padEnd(16, '　')} ${keys.get(d.code)!.apiKey}`);
    context.out(`\nRegulator login: username ${REGULATOR}  password ${password}  (region 341100 滁州市)`);
  },
};
