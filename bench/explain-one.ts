import { searchSql } from './search/explain';
import { profileSession } from './search/long-tail';
(async () => {
  const { db, stats, variants } = await profileSession(process.env.URL as string, 0);
  for (const label of (process.env.LABELS as string).split(',')) {
    const v = variants.find((x) => x.label === label);
    if (!v) { console.log('no', label); continue; }
    const { text, params } = searchSql(v.variables, stats, 'full');
    if (process.env.SHOW_SQL) console.log(text, JSON.stringify(params).slice(0, 300));
    const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, params);
    console.log(`=== ${label}`);
    console.log(rows.map((r) => r['QUERY PLAN'].replace(/'[01]{200,}'::bit\(1024\)/g, 'MASK').slice(0, 200)).join('\n'));
  }
  await db.close();
})();
