import pg from 'pg';

export default async function globalTeardown() {
  const state = globalThis.__credit_pg;
  if (!state) return;
  const admin = new pg.Client({ connectionString: state.provider.adminUrl });
  await admin.connect();
  const leftovers = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`credit_t_${process.pid}_%`, state.template]);
  for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
  await state.provider.stop();
}
