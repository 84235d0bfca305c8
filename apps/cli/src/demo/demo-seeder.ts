// What `npm run demo` does, callable on any Nest application with the capability modules (the CLI's context,
// or the API in tests: test/e2e/readme-examples.e2e-spec.ts runs the README against exactly this data).
import type { INestApplicationContext } from '@nestjs/common';
import { generatePassword, UserRole, UsersService } from '@credit/auth';
import { SYSTEM_ACTOR } from '@credit/audit';
import { CatalogueService, seedBlacklistCatalogue } from '@credit/blacklist';
import { DepartmentPrincipal, UserPrincipal } from '@credit/common';
import { TierQueriesService } from '@credit/credit-tiers';
import { DepartmentsService } from '@credit/departments';
import { CreditTier, PartyType } from '@credit/domain';
import { PenaltyIngestService } from '@credit/penalties';
import { departmentUscc, generateDemoData } from './demo-data.generator';
import { seedShowcase, ShowcaseEntry } from './demo-showcase';
import { DEMO_DEPARTMENTS } from './demo-vocabulary';

export const DEMO_REGULATOR = 'demo-regulator';
const REGION = '341100';

export interface DemoSeedResult {
  keys: Map<string, { id: string; apiKey: string }>;
  regulator: { username: string; password: string };
  partyCounts: Record<string, number>;
  totals: { created: number; updated: number; unchanged: number; rejected: number };
  catalogue: { listTypesCreated: number; measuresCreated: number };
  notes: string[];
  showcase: ShowcaseEntry[];
  /** A few generated subjects per tier besides the showcase one (USCC and name). */
  moreByTier: Map<string, { uscc: string; name: string }[]>;
}

export async function seedDemo(app: INestApplicationContext, options: { entities: number }): Promise<DemoSeedResult> {
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
      const { department, apiKey } = await departments.create({ code: d.code, name: d.name, uscc: departmentUscc(d.org), regionCode: REGION }, SYSTEM_ACTOR);
      keys.set(d.code, { id: department.id, apiKey });
    }
  }
  const principalOf = (code: string): DepartmentPrincipal => {
    const d = DEMO_DEPARTMENTS.find((candidate) => candidate.code === code)!;
    return { kind: 'DEPARTMENT', departmentId: keys.get(code)!.id, departmentCode: code, departmentName: d.name, regionCode: REGION, apiKeyId: '0' };
  };

  const password = generatePassword();
  if (await users.findActiveByUsername(DEMO_REGULATOR)) await users.setPassword(DEMO_REGULATOR, password, SYSTEM_ACTOR);
  else await users.create({ username: DEMO_REGULATOR, password, role: UserRole.REGULATOR, regionCode: REGION }, SYSTEM_ACTOR);

  // The serious-dishonesty list catalogue (list types with their legal basis, and the measures each binds).
  const catalogue = await seedBlacklistCatalogue(app.get(CatalogueService), SYSTEM_ACTOR);

  const data = generateDemoData({ entities: options.entities });
  const totals = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const notes: string[] = [];
  for (const d of DEMO_DEPARTMENTS) {
    const records = data.recordsByDepartment.get(d.code) ?? [];
    for (let i = 0; i < records.length; i += 1000) {
      const summary = await ingest.submit(principalOf(d.code), records.slice(i, i + 1000));
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += summary[key];
      const firstError = summary.results.find((result) => result.errors.length > 0);
      if (firstError) notes.push(`${d.code} item ${i + firstError.index} rejected: ${firstError.errors.map((e) => `${e.field} ${e.code}`).join(', ')}`);
    }
  }

  const showcase = await seedShowcase(app, principalOf);
  const regulator: UserPrincipal = { kind: 'USER', userId: '0', username: DEMO_REGULATOR, role: 'REGULATOR', regionCode: REGION };
  const moreByTier = new Map<string, { uscc: string; name: string }[]>();
  for (const tier of [CreditTier.A, CreditTier.B, CreditTier.C, CreditTier.D]) {
    const page = await app.get(TierQueriesService).listSubjects(regulator, { tier, subjectType: PartyType.LEGAL_ENTITY }, 2);
    moreByTier.set(tier, page.edges.map(({ node }) => ({ uscc: node.uscc as string, name: node.name })));
  }
  return { keys, regulator: { username: DEMO_REGULATOR, password }, partyCounts: data.partyCounts, totals, catalogue, notes, showcase, moreByTier };
}

const ROLE_LABEL: Record<string, string> = {
  LISTED: 'on the serious-dishonesty list',
  READY_TO_CONFIRM: 'notified, objection window over',
  REPAIRABLE: 'a decision open to credit repair',
};

/** The lines `npm run demo` prints; the README's examples use the values they show. */
export function formatDemoReport(result: DemoSeedResult): string[] {
  const lines = [...result.notes.map((note) => `  note: ${note}`), '', 'Demo data loaded (滁州市).'];
  const counts = result.partyCounts;
  lines.push(`  subjects: ${counts.LEGAL_ENTITY} legal entities, ${counts.INDIVIDUAL_BUSINESS} individual businesses, ${counts.NATURAL_PERSON} natural persons`);
  lines.push(`  penalty records: ${result.totals.created} created, ${result.totals.updated} updated, ${result.totals.unchanged} unchanged, ${result.totals.rejected} rejected`);
  lines.push(`  serious-dishonesty list catalogue: ${result.catalogue.listTypesCreated} list types and ${result.catalogue.measuresCreated} measures created (existing ones kept)`);
  lines.push('', 'Subjects to try (the first of each tier is the same on every machine; the README examples use them):');
  for (const tier of ['A', 'B', 'C', 'D']) {
    const showcase = result.showcase.find((entry) => entry.role === tier);
    const subjects = [...(showcase ? [showcase] : []), ...(result.moreByTier.get(tier) ?? [])];
    subjects.forEach((subject, i) => lines.push(`  ${i === 0 ? `tier ${tier}` : '      '}  ${subject.uscc}  ${subject.name}`));
  }
  for (const entry of result.showcase.filter((e) => ROLE_LABEL[e.role])) {
    lines.push('', `  ${ROLE_LABEL[entry.role]}: ${entry.uscc}  ${entry.name}  (tier ${entry.tier ?? '-'})`);
    if (entry.listingId) lines.push(`    listing ${entry.listingId}, 认定决定书 ${entry.listingNumber}, proposed by CZ-SCJGJ`);
    else lines.push(`    decision ${entry.decisionNumbers[0]} of CZ-SCJGJ`);
  }
  lines.push('', 'Department API keys (send as X-Api-Key; shown once):');
  for (const d of DEMO_DEPARTMENTS) lines.push(`  ${d.code.padEnd(10)} ${d.name.padEnd(16, '　')} ${result.keys.get(d.code)!.apiKey}`);
  lines.push('', `Regulator login: username ${result.regulator.username}  password ${result.regulator.password}  (region ${REGION} 滁州市)`);
  return lines;
}
