// Paired database throughput of two versions of the search statement under load: this checkout's statements and
// PAIR_BASE_ROOT's (another checkout) for the same searches, run AT THE SAME TIME, each side on its own pool of
// the API's size with half of the 50 clients (load-phases.ts loadSql), for PAIR_ROUNDS rounds of PAIR_SECONDS;
// prints the statements each side completed per round, their ratio, and its geometric mean over the rounds. Run at
// the same moment, both sides meet the same machine: on a shared machine whose speed swung by ×1.7 between
// consecutive 10-s phases, alternating phases (ABBA) could not resolve 10 %, while the rounds of this script agreed
// within a few percent.
// Usage: PAIR_BASE_ROOT=/tmp/base PROFILE_DATABASE_URL=postgres://…/credit_bench_search \
//   node -r ./tools/register.js bench/search/pair-load.ts   (PROFILE_TAIL=n: n long-tail searches, default 0: the
//   64 queries of the head mix; PROFILE_SHAPE=full|count|page; PAIR_ROUNDS 6, PAIR_SECONDS 15). PAIR_BASE_TABLE: the
//   base side searches that table instead of public_disclosures, a copy of it with the rows as the base checkout
//   writes them (the token signature's bits before migration 20261206120000: libs/search/README.md)
import { searchSql } from './explain';
import { CONNECTIONS, loadSql } from './load-phases';
import { pairSession } from './long-tail';

const ROUNDS = Number(process.env.PAIR_ROUNDS ?? 6);
const SECONDS = Number(process.env.PAIR_SECONDS ?? 15);
const BASE_TABLE = process.env.PAIR_BASE_TABLE || 'public_disclosures';

async function main(): Promise<void> {
  const { url, db, stats, shape, variants, baseBuild } = await pairSession(0);
  await db.close();
  const mine = variants.map((variant) => searchSql(variant.variables, stats, shape));
  const theirs = variants.map((variant) => searchSql(variant.variables, stats, shape, baseBuild, BASE_TABLE));
  // Compared as on one table: a statement that differs only by PAIR_BASE_TABLE's name is the same statement.
  const onLive = (text: string) => text.split(BASE_TABLE).join('public_disclosures');
  const differ = mine.filter((statement, i) => statement.text !== onLive(theirs[i].text) || JSON.stringify(statement.params) !== JSON.stringify(theirs[i].params)).length;
  process.stdout.write(`${variants.length} searches (${shape}), ${differ} of them with a different statement (base on ${BASE_TABLE}); ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS / 2} clients a side\n`);
  const ratios: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Which side starts its pool first alternates: with the same statements on both sides (242 of the long tail),
    // the side started first completed 0.7–6.6 % more in every round.
    const mineFirst = round % 2 === 1;
    const [first, second] = [mineFirst ? mine : theirs, mineFirst ? theirs : mine].map((statements) => loadSql(url, statements, () => null, { clients: CONNECTIONS / 2, seconds: SECONDS }));
    const [x, y] = (await Promise.all([first, second])).map((figures) => figures.requests);
    const [a, b] = mineFirst ? [x, y] : [y, x];
    ratios.push(a / b);
    process.stdout.write(`round ${round} (${mineFirst ? 'this' : 'base'} started first): this ${a}, base ${b} statements (×${(a / b).toFixed(3)})\n`);
  }
  // The geometric mean: each side starts first in half the rounds, so the head start cancels out of the product.
  const mean = Math.exp(ratios.reduce((sum, ratio) => sum + Math.log(ratio), 0) / ratios.length);
  process.stdout.write(`this ÷ base, statements completed: ×${mean.toFixed(3)} (geometric mean of ${ratios.map((r) => r.toFixed(3)).join(', ')})\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
