// `npm run demo` (demo:seed) on a real database: what it prints is what the README's examples point at, and a
// second run on the same day changes nothing but the keys and the regulator's password.
import { createTestApp, TestApp } from '@credit/testing';
import type { CliContext } from '../command';
import { SHOWCASE_SUBJECTS } from '../demo/demo-showcase.data';
import { demoCommand } from './demo.command';

describe('demo:seed (integration)', () => {
  let t: TestApp;
  const cli = (out: string[]): CliContext => ({ runtime: null as never, app: async () => t.app, out: (line) => out.push(line) });
  const run = async (args: string[]) => {
    const out: string[] = [];
    await demoCommand.run(cli(out), args);
    return out.join('\n');
  };

  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKER_IN_PROCESS: 'false' });
  });
  afterAll(() => t.close());

  it('prints subjects per tier, the listed one, the listing ready to confirm, the repairable decision, keys and the login', async () => {
    const printed = await run(['--entities', '60']);
    for (const subject of SHOWCASE_SUBJECTS) expect(printed).toContain(`${subject.uscc}  ${subject.name}`);
    for (const tier of ['A', 'B', 'C', 'D']) expect(printed).toMatch(new RegExp(`tier ${tier}  91341\\d{3}MA\\w{8}  `));
    expect(printed).toMatch(/on the serious-dishonesty list: 91341102MA2T3J6K7X {2}滁州金穗食品有限公司 {2}\(tier D\)\n {4}listing \d+, 认定决定书 滁市监信认〔\d{4}〕1号/);
    expect(printed).toMatch(/notified, objection window over: .*\n {4}listing \d+,/);
    expect(printed).toMatch(/a decision open to credit repair: .*\n {4}decision 滁市监处罚〔\d{4}〕9008号 of CZ-SCJGJ/);
    expect(printed).toMatch(/CZ-SCJGJ .* cpk_\S+/);
    expect(printed).toMatch(/Regulator login: username demo-regulator {2}password \S{12,}/);
    const statuses = await t.db.query<{ status: string }>(`SELECT status FROM listings ORDER BY id`);
    expect(statuses.map((row) => row.status)).toEqual(['LISTED', 'NOTIFIED']);
  });

  it('a second run the same day creates nothing: records unchanged, the same two listings', async () => {
    const listings = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM listings ORDER BY id`);
    const printed = await run(['--entities', '60']);
    expect(printed).toMatch(/penalty records: 0 created, 0 updated, \d+ unchanged, 0 rejected/);
    expect(await t.db.query<{ id: string }>(`SELECT id::text AS id FROM listings ORDER BY id`)).toEqual(listings);
    for (const { id } of listings) expect(printed).toContain(`listing ${id},`);
  });

  it('refuses an entity count it cannot honour', async () => {
    await expect(run(['--entities', '0'])).rejects.toThrow('--entities must be a whole number from 1 to 200000');
  });
});
