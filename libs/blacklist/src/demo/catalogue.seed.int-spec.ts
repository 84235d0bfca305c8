import { createTestApp, TestApp } from '@credit/testing';
import { CatalogueService } from '../catalogue.service';
import { seedBlacklistCatalogue } from './catalogue.seed';

describe('seedBlacklistCatalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates the three demo list types with their measures once, audited, and skips them on a re-run', async () => {
    const catalogue = t.app.get(CatalogueService);
    expect(await seedBlacklistCatalogue(catalogue)).toEqual({ listTypesCreated: 3, measuresCreated: 12 });
    expect(await seedBlacklistCatalogue(catalogue)).toEqual({ listTypesCreated: 0, measuresCreated: 0 });

    const types = await catalogue.listTypes();
    expect(types.map((lt) => [lt.code, lt.name, lt.termMonths, lt.earliestRemovalMonths, lt.objectionDays, lt.designatingDepartmentCodes])).toEqual([
      ['GOV-PROCUREMENT-SERIOUS', '政府采购严重违法失信行为记录名单', 36, 12, 10, ['CZ-CZJ']],
      ['SAMR-SERIOUS-ILLEGAL', '市场监督管理严重违法失信名单', 36, 12, 5, ['CZ-SCJGJ']],
      ['TAX-MAJOR-DISHONEST', '重大税收违法失信主体', 36, 0, 5, ['CZ-SWJ']],
    ]);
    expect(types.map((lt) => [lt.code, lt.objectionWindow, lt.objectionAnswerDays])).toEqual([
      ['GOV-PROCUREMENT-SERIOUS', { days: 10, unit: 'CALENDAR' }, null],
      ['SAMR-SERIOUS-ILLEGAL', { days: 5, unit: 'WORKING' }, 10],
      ['TAX-MAJOR-DISHONEST', { days: 5, unit: 'CALENDAR' }, 10],
    ]);
    expect(types.find((lt) => lt.code === 'TAX-MAJOR-DISHONEST')?.legalBasis).toBe('《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）');
    const procurementForFinance = (await catalogue.measures()).filter((m) => m.scenarios.includes('PROCUREMENT' as never) && m.executingDepartmentCodes.includes('CZ-CZJ'));
    expect(procurementForFinance.map((m) => m.code)).toEqual(['PROCUREMENT-BAN', 'SAMR-PROCUREMENT-LIMIT', 'TAX-PROCUREMENT-LIMIT']);
    const [{ count }] = await t.db.query<{ count: string }>(`SELECT count(*) FROM audit_log WHERE action IN ('LIST_TYPE_CREATED', 'MEASURE_CREATED') AND actor_type = 'SYSTEM'`);
    expect(Number(count)).toBe(15);
  });
});
