// Agreement of the generated SQL with the pure sharing rule it is built from, on a real PostgreSQL: the same
// last day for every rule period × severity, including month ends (民法典 art. 202 via addMonths / PG intervals).
import { Client } from 'pg';
import { Severity, sharedUntil } from '@credit/domain';
import { createTestDatabase, TestDatabase } from '@credit/testing';
import { sharedUntilSql } from './penalty-sharing.sql';

describe('sharedUntilSql agrees with the domain sharing rule', () => {
  let database: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  const dates = ['1950-01-31', '2019-12-31', '2022-08-31', '2023-04-30', '2023-05-01', '2024-02-29', '2026-03-31', '2026-04-01', '2026-11-30'];
  const cases = dates.flatMap((date) => [Severity.MINOR, Severity.GENERAL, Severity.SERIOUS].map((severity) => [date, severity] as const));

  it.each(cases)('%s %s', async (decisionDate, severity) => {
    const { rows } = await client.query<{ until: string }>(
      `SELECT ${sharedUntilSql('r')}::text AS until FROM (VALUES ($1::date, $2::text)) AS r(decision_date, severity)`,
      [decisionDate, severity],
    );
    expect(rows[0].until).toBe(sharedUntil(decisionDate, severity));
  });
});
