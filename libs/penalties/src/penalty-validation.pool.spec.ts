// The validation threads decide exactly what the event loop decides (errors, warnings, prepared rows, hashes), a
// thread that dies fails only the batches it held, and a closed pool takes no more work. Real worker threads,
// started from the TypeScript sources as npm start would.
import { randomBytes } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { PersonalDataCipher, PlatformSecrets } from '@credit/common';
import { AUTHORITY_NOT_ALLOWED, buildResidentId, buildUscc, PenaltyRecordDraft, PublishingAuthority } from '@credit/domain';
import { BatchPreparation, BatchValidation, BatchValidationInput } from './penalty-batch.validation';
import { PenaltyValidationPool } from './penalty-validation.pool';

const SECRETS = { piiKeys: { k1: randomBytes(32) }, activePiiKeyId: 'k1', piiHashKey: randomBytes(32), jwtSecret: 'x', auditCheckpointKey: randomBytes(32) } satisfies PlatformSecrets;
const OWN: PublishingAuthority = { uscc: '113411000030000142', name: '滁州市市场监督管理局', own: true };

function draft(n: number, overrides: Partial<PenaltyRecordDraft> = {}): PenaltyRecordDraft {
  return {
    decisionNumber: `滁市监处罚〔2026〕${n}号`,
    partyName: `滁州市测试食品有限公司${n}`,
    partyType: 'LEGAL_ENTITY',
    uscc: buildUscc('91', '341102', String(30_000_000 + n)),
    legalRepresentative: '王建国',
    violationType: '销售不符合食品安全标准的食品',
    violationFacts: `当事人销售超过保质期的食品（第${n}批），违反了《中华人民共和国食品安全法》第三十四条。`,
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
    penaltyCategories: ['FINE', 'WARNING'],
    penaltyContent: '警告，罚款人民币贰万元整',
    fineAmount: '2',
    decisionDate: '2026-10-15',
    ...overrides,
  };
}

/** 80 items: companies, natural persons (their ID numbers encrypted), and four kinds of rejection. */
function mixedBatch(): BatchValidationInput {
  const drafts = Array.from({ length: 80 }, (_, i) =>
    i % 4 === 1
      ? draft(i, { partyType: 'NATURAL_PERSON', partyName: '张三', uscc: null, legalRepresentative: null, idType: 'RESIDENT_ID', idNumber: buildResidentId('341102', '19800101', String(100 + i)) })
      : draft(i),
  );
  drafts[10] = draft(10, { uscc: 'NOT-A-USCC' });
  drafts[20] = draft(20, { decisionNumber: drafts[3].decisionNumber });
  drafts[30] = draft(30, { authorityUscc: '91341100MA2N0001XW' });
  drafts[40] = draft(40, { decisionDate: '2026-13-40', fineAmount: '-1' });
  return { drafts, allowed: [OWN], today: '2026-12-03' };
}

/** The outcome with each encrypted ID number opened (a fresh IV each time, so the sealed texts always differ). */
function opened(outcome: BatchValidation) {
  const cipher = new PersonalDataCipher(SECRETS);
  return { ...outcome, valid: outcome.valid.map((item) => ({ ...item, row: { ...item.row, idNumberEncrypted: item.row.idNumberEncrypted && cipher.decrypt(item.row.idNumberEncrypted) } })) };
}

describe('PenaltyValidationPool', () => {
  const pools: PenaltyValidationPool[] = [];
  const pool = (threads = 1) => {
    const created = new PenaltyValidationPool({ ingestValidationThreads: threads, nodeEnv: 'test' }, SECRETS);
    pools.push(created);
    return created;
  };
  const threadsOf = (p: PenaltyValidationPool) => (p as unknown as { threads: { worker: Worker }[] }).threads;
  afterAll(() => Promise.all(pools.map((p) => p.onModuleDestroy())));

  it('decides on a thread what the event loop decides: the same errors, warnings, prepared rows and content hashes', async () => {
    const input = mixedBatch();
    const onLoop = await new BatchPreparation(SECRETS).validate(input, 10);
    const onThread = await pool().validate(input);

    expect(onLoop.valid).toHaveLength(76);
    expect([10, 20, 30, 40].map((index) => onLoop.errors[index].map((error) => `${error.field} ${error.code}`))).toEqual([
      ['uscc INVALID_USCC'],
      ['decisionNumber DUPLICATE_IN_BATCH'],
      [`authorityUscc ${AUTHORITY_NOT_ALLOWED}`],
      ['fineAmount INVALID_AMOUNT', 'decisionDate INVALID_DATE'],
    ]);
    const person = onThread.valid.find((item) => item.index === 1)?.row;
    expect(person?.idNumberEncrypted).toMatch(/^k1:/);
    expect(person?.idNumberEncrypted).not.toContain(input.drafts[1].idNumber);
    expect(opened(onThread)).toEqual(opened(onLoop));
  });

  it('fails the batches a thread held when it stops, and starts another for the next batch', async () => {
    const threads = pool();
    const held = threads.validate(mixedBatch());
    await threadsOf(threads)[0].worker.terminate();
    await expect(held).rejects.toThrow('a validation thread stopped');

    const next = await threads.validate(mixedBatch());
    expect(next.valid).toHaveLength(76);
    expect(threadsOf(threads)).toHaveLength(1);
  });

  it('spreads batches over its threads and starts no more than configured', async () => {
    const threads = pool(2);
    const outcomes = await Promise.all([1, 2, 3].map(() => threads.validate(mixedBatch())));
    expect(outcomes.map((outcome) => outcome.valid.length)).toEqual([76, 76, 76]);
    expect(threadsOf(threads)).toHaveLength(2);
  });

  it('refuses a batch it cannot hand to a thread, and holds nothing for it', async () => {
    const threads = pool();
    const input = mixedBatch();
    (input.drafts[0] as unknown as { remarks: unknown }).remarks = () => 'not data';
    await expect(threads.validate(input)).rejects.toThrow(/could not be cloned/);
    expect(threadsOf(threads).map((thread) => (thread as unknown as { pending: Map<number, unknown> }).pending.size)).toEqual([0]);
    expect((await threads.validate(mixedBatch())).valid).toHaveLength(76);
  });

  it('takes no batch once closed, and says so', async () => {
    const closed = pool();
    await closed.validate(mixedBatch());
    await closed.onModuleDestroy();
    expect(closed.enabled).toBe(false);
    await expect(closed.validate(mixedBatch())).rejects.toThrow('the validation threads are closed');
  });
});
