// Runs batches through the compiled validation threads (dist/), as the production API does from its first push:
// proves the worker file is built and loads without the TypeScript toolchain (the tests only ever start it from the
// sources, and a thread that cannot start is given up on quietly, its batches validated on the event loop).
// Called by smoke-built-api.sh after `npm run build`.
const { randomBytes } = require('node:crypto');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist', 'libs');
const { PenaltyValidationPool } = require(path.join(dist, 'penalties', 'src', 'penalty-validation.pool'));
const { buildUscc } = require(path.join(dist, 'domain', 'src', 'index'));

async function main() {
  const secrets = { piiKeys: { k1: randomBytes(32) }, activePiiKeyId: 'k1', piiHashKey: randomBytes(32) };
  const pool = new PenaltyValidationPool({ ingestValidationThreads: 1 }, secrets);
  const drafts = Array.from({ length: 64 }, (_, i) => ({
    decisionNumber: `滁市监处罚〔2026〕${i + 1}号`,
    partyName: `滁州市冒烟测试有限公司${i + 1}`,
    partyType: 'LEGAL_ENTITY',
    uscc: buildUscc('91', '341102', String(40_000_000 + i)),
    violationType: '销售不符合食品安全标准的食品',
    violationFacts: '当事人销售超过保质期的食品。',
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    penaltyCategories: ['FINE'],
    penaltyContent: '罚款人民币壹万元整',
    fineAmount: '1',
    decisionDate: '2026-10-15',
  }));
  const allowed = [{ uscc: '113411000030000142', name: '滁州市市场监督管理局', own: true }];
  try {
    pool.startThreads();
    const outcome = await pool.validate({ drafts, allowed, today: '2026-12-01' });
    if (outcome.valid.length !== drafts.length || !/^[0-9a-f]{64}$/.test(outcome.valid[0].row.contentHash)) {
      throw new Error(`expected ${drafts.length} prepared rows, got ${outcome.valid.length}: ${JSON.stringify(outcome.errors.flat().slice(0, 3))}`);
    }
    process.stdout.write(`smoke-built-threads: a compiled validation thread prepared ${outcome.valid.length} records\n`);
  } finally {
    await pool.onModuleDestroy();
  }
}

main().catch((error) => {
  process.stderr.write(`smoke-built-threads: ${error.stack ?? error}\n`);
  process.exit(1);
});
