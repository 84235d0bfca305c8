// README.md's API examples, run as a newcomer would: against `npm run demo`'s data (seeded by the demo's own
// code, on fewer generated entities), in the README's order, each with the credentials its "# as" line names and
// the variables its json block shows. Values only the reader's own run can know come from where the README says:
// the demo's printout, an earlier example's answer (same name as the variable), the login secrets, today.
// Every operation must answer without any error, top-level or per item, and every root field non-null.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { todayInChina } from '@credit/domain';
import { DemoSeedResult, formatDemoReport, seedDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ADMIN, createTestApp, TestApp } from '../support';
import { readFences, readReadmeOperations, ReadmeOperation } from '../support/readme-examples';

const README = path.join(__dirname, '../../README.md');
const USCC = /\b[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}\b/g;

describe('README.md examples', () => {
  let t: TestApp;
  let demo: DemoSeedResult;
  let printout: string;

  beforeAll(async () => {
    t = await createTestApp();
    demo = await seedDemo(t.app, { entities: 300 });
    printout = formatDemoReport(demo).join('\n');
  }, 180_000);
  afterAll(async () => t?.close());

  it('the demo prints a showcase subject in each tier, a listed one, one ready to confirm and a repairable decision', () => {
    const role = (r: string) => demo.showcase.find((entry) => entry.role === r)!;
    expect(['A', 'B', 'C', 'D'].map((tier) => role(tier).tier)).toEqual(['A', 'B', 'C', 'D']);
    expect(role('LISTED').tier).toBe('D');
    for (const entry of demo.showcase) expect(printout).toContain(`${entry.uscc}  ${entry.name}`);
    expect(printout).toContain(`listing ${role('READY_TO_CONFIRM').listingId},`);
    expect(printout).toContain(`decision ${role('REPAIRABLE').decisionNumbers[0]} `);
    for (const tier of ['A', 'B', 'C', 'D']) expect(demo.moreByTier.get(tier)?.length ?? 0).toBeGreaterThan(0);
  });

  it('every GraphQL example runs as written, in order, without an error', async () => {
    const operations = readReadmeOperations(README);
    expect(operations.length).toBeGreaterThanOrEqual(18);
    const printedValues: Record<string, string> = {
      readyListingId: demo.showcase.find((e) => e.role === 'READY_TO_CONFIRM')!.listingId!,
      repairableDecisionNumber: demo.showcase.find((e) => e.role === 'REPAIRABLE')!.decisionNumbers[0],
    };
    const passwords: Record<string, string> = { [ADMIN.username]: ADMIN.password, [demo.regulator.username]: demo.regulator.password };
    const answers = new Map<string, unknown>();
    let seenText = '';
    for (const example of operations) {
      const where = `README.md:${example.line} (${example.operation.name?.value ?? example.source.slice(0, 60)})`;
      // A subject a read names must be one the demo printed or an earlier example created.
      if (example.operation.operation === 'query') {
        for (const uscc of example.source.match(USCC) ?? []) {
          if (!printout.includes(uscc) && !seenText.includes(uscc)) throw new Error(`${where}: ${uscc} is neither printed by the demo nor created by an earlier example`);
        }
      }
      const variables = resolveVariables(example, where, { answers, printedValues, passwords, printout });
      const response = await t.gql(example.source, variables, await headersFor(example.who, where));
      const problems = problemsIn(response.data);
      if (response.status !== 200 || response.errors || problems.length > 0) {
        throw new Error(`${where} as ${example.who} failed (HTTP ${response.status}): ${JSON.stringify(response.errors ?? problems)}\n${example.source}\nvariables: ${JSON.stringify(variables)}`);
      }
      remember(response.data, answers);
      seenText += example.source;
    }
  }, 120_000);

  it('each graphql block is a valid document as a whole, so it can be pasted into a GraphQL IDE at once', () => {
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8'));
    const blocks = readFences(fs.readFileSync(README, 'utf8')).filter((fence) => fence.lang === 'graphql');
    for (const block of blocks) expect({ line: block.line, errors: validate(schema, parse(block.body)).map((e) => e.message) }).toEqual({ line: block.line, errors: [] });
  });

  it('the multipart import example declares every variable it tells the reader to send', () => {
    const markdown = fs.readFileSync(README, 'utf8');
    const curl = readFences(markdown).find((fence) => fence.lang === 'bash' && fence.body.includes('importPenaltyFile'));
    const operations = JSON.parse(/operations='([^']+)'/.exec(curl!.body)![1]) as { query: string; variables: Record<string, unknown> };
    const document = parse(operations.query);
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8'));
    expect(validate(schema, document)).toEqual([]);
    const declared = document.definitions.flatMap((d) => (d.kind === 'OperationDefinition' ? (d.variableDefinitions ?? []).map((v) => v.variable.name.value) : []));
    expect(declared.sort()).toEqual(Object.keys(operations.variables).sort());
    expect(declared).toContain('dryRun');
  });

  it('the curl example of sending variables answers without an error', async () => {
    const curl = readFences(fs.readFileSync(README, 'utf8')).find((fence) => fence.lang === 'bash' && fence.body.includes("-d '{\"query\""));
    const body = JSON.parse(/-d '([^']+)'/.exec(curl!.body)![1]) as { query: string; variables: Record<string, unknown> };
    const response = await t.gql(body.query, body.variables);
    expect(response.errors).toBeUndefined();
    expect(response.data.publicSeriousDishonestyList.edges.length).toBeGreaterThan(0);
  });

  const tokens = new Map<string, string>();
  async function headersFor(who: string, where: string): Promise<Record<string, string>> {
    if (who === 'anyone') return {};
    if (who === 'admin') return { authorization: `Bearer ${await t.adminToken()}` };
    if (who === demo.regulator.username) {
      if (!tokens.has(who)) {
        const login = await t.gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', { u: who, p: demo.regulator.password });
        tokens.set(who, login.data.login.accessToken);
      }
      return { authorization: `Bearer ${tokens.get(who)}` };
    }
    const key = demo.keys.get(who)?.apiKey;
    if (!key) throw new Error(`${where}: "# as ${who}" is not admin, anyone, ${demo.regulator.username} or a department of the demo`);
    return { 'x-api-key': key };
  }
});

interface Sources {
  answers: Map<string, unknown>;
  printedValues: Record<string, string>;
  passwords: Record<string, string>;
  printout: string;
}

/** The README shows an example value for every variable; the real one comes from where the README says. */
function resolveVariables(example: ReadmeOperation, where: string, sources: Sources): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of example.operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (!(name in example.exampleVariables)) throw new Error(`${where}: $${name} has no example value in the json block after it`);
    const shown = example.exampleVariables[name];
    if (name === 'today') variables[name] = todayInChina();
    else if (name === 'password') variables[name] = sources.passwords[String(example.exampleVariables.username)];
    else if (sources.answers.has(name)) variables[name] = sources.answers.get(name);
    else if (name in sources.printedValues) {
      if (!sources.printout.includes(sources.printedValues[name])) throw new Error(`${where}: $${name} is not in the demo's printout`);
      variables[name] = sources.printedValues[name];
    } else variables[name] = shown;
  }
  return variables;
}

/** The first value of every field name in an answer (aliases included), replacing older answers' values. */
function remember(data: unknown, answers: Map<string, unknown>): void {
  const seen = new Set<string>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((typeof inner === 'string' || typeof inner === 'number') && !seen.has(key)) {
          seen.add(key);
          answers.set(key, inner);
        }
        walk(inner);
      }
    }
  };
  walk(data);
}

/** Per-item errors, rejected items and null root fields: an example that "works" only at the HTTP level does not. */
function problemsIn(data: Record<string, unknown> | null | undefined): string[] {
  if (!data) return ['no data'];
  const problems = Object.entries(data).filter(([, value]) => value === null).map(([field]) => `${field} is null`);
  const walk = (value: unknown, at: string) => {
    if (Array.isArray(value)) value.forEach((inner, i) => walk(inner, `${at}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'errors' && Array.isArray(inner) && inner.length > 0) problems.push(`${at}.errors: ${JSON.stringify(inner)}`);
        if (key === 'rejected' && typeof inner === 'number' && inner > 0) problems.push(`${at}.rejected = ${inner}`);
        walk(inner, `${at}.${key}`);
      }
    }
  };
  walk(data, 'data');
  return problems;
}
