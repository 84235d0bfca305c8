// The validation threads decide exactly what the event loop decides (errors, warnings, prepared rows, hashes) and
// receive only the keys they need; a thread that dies fails only the batches it held, threads that cannot start
// are given up on, one that does not answer in time is ended, and a closed pool finishes what it holds and takes
// no more. Real worker threads, started from the TypeScript sources as npm start would.
import { randomBytes } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { Logger } from '@nestjs/common';
import { PersonalDataCipher, PlatformSecrets } from '@credit/common';
import { AUTHORITY_NOT_ALLOWED, buildResidentId, buildUscc, PenaltyRecordDraft, PublishingAuthority } from '@credit/domain';
import { BatchPreparation, BatchValidation, BatchValidationInput } from './penalty-batch.validation';
import { ROW_COLUMNS, tailAt } from './penalty-columns';
import { PenaltyValidationPool, threadSecrets, ValidationThreadUnavailable } from './penalty-validation.pool';

// As loadSecrets makes them: keys read from base64, small slices of Node's shared buffer pool.
const key = () => Buffer.from(randomBytes(32).toString('base64'), 'base64');
const SECRETS = { piiKeys: { k0: key(), k1: key() }, activePiiKeyId: 'k1', piiHashKey: key(), jwtSecret: 'x'.repeat(32), auditCheckpointKey: key() } satisfies PlatformSecrets;
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

/** 80 items: companies, natural persons (their ID numbers encrypted), a null-prototype draft, four kinds of rejection. */
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
  // GraphQL's variable coercion builds input objects without a prototype.
  drafts[41] = Object.assign(Object.create(null) as PenaltyRecordDraft, draft(41));
  return { drafts, allowed: [OWN], today: '2026-12-03' };
}

const ENCRYPTED_ID = ROW_COLUMNS.findIndex(([key]) => key === 'idNumberEncrypted');

/** Each valid item's columns, read back from the outcome's COPY data (none of them holds a tab: validation removes them). */
function copiedColumns(outcome: BatchValidation): string[][] {
  return outcome.copyTails.ends.map((_, i) => Buffer.from(tailAt(outcome.copyTails, i)).toString('utf8').split('\t'));
}

/** The outcome with its COPY data read back and each encrypted ID number opened (a fresh IV each time, so the sealed texts always differ). */
function opened(outcome: BatchValidation) {
  const cipher = new PersonalDataCipher(SECRETS);
  const columns = copiedColumns(outcome).map((row) => row.map((value, i) => (i === ENCRYPTED_ID && value !== '\\N' ? cipher.decrypt(value) : value)));
  return { errors: outcome.errors, warnings: outcome.warnings, valid: outcome.valid, columns };
}

describe('threadSecrets', () => {
  it('hands a thread the active personal-data key and the hash key, each in memory of its own, and nothing else', () => {
    expect(SECRETS.piiHashKey.buffer.byteLength).toBeGreaterThan(32);
    const handed = threadSecrets(SECRETS);
    expect(Object.keys(handed)).toEqual(['piiKeys', 'activePiiKeyId', 'piiHashKey']);
    expect(Object.keys(handed.piiKeys)).toEqual(['k1']);
    for (const [handedKey, original] of [[handed.piiKeys.k1, SECRETS.piiKeys.k1], [handed.piiHashKey, SECRETS.piiHashKey]] as const) {
      expect(handedKey.equals(original)).toBe(true);
      expect(handedKey.buffer.byteLength).toBe(32);
    }
  });
});

describe('PenaltyValidationPool', () => {
  const pools: PenaltyValidationPool[] = [];
  const pool = (threads = 1) => {
    const created = new PenaltyValidationPool({ ingestValidationThreads: threads }, SECRETS);
    pools.push(created);
    return created;
  };
  type Internals = { threads: { worker: Worker; pending: Map<number, unknown> }[] };
  const threadsOf = (p: PenaltyValidationPool) => (p as unknown as Internals).threads;
  const inHand = (p: PenaltyValidationPool) => threadsOf(p).map((thread) => thread.pending.size);
  // What the pool tells the operator, held here instead of printed.
  let warned: jest.SpyInstance;
  let errored: jest.SpyInstance;
  beforeEach(() => {
    warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    errored = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());
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
    expect(copiedColumns(onThread)[onThread.valid.findIndex((item) => item.index === 1)][ENCRYPTED_ID]).toMatch(/^k1:/);
    expect(copiedColumns(onLoop)).toHaveLength(76);
    expect(opened(onThread)).toEqual(opened(onLoop));
  });

  it('fails the batches of a thread that stops, not those of another, and starts a new one for the next batch', async () => {
    const threads = pool(2);
    const [first, second] = [threads.validate(mixedBatch()), threads.validate(mixedBatch())];
    expect(inHand(threads)).toEqual([1, 1]);
    await threadsOf(threads)[0].worker.terminate();
    await expect(first).rejects.toThrow(ValidationThreadUnavailable);
    await expect(first).rejects.toThrow(/^a validation thread was lost: it stopped \(exit code \d\)$/);
    expect((await second).valid).toHaveLength(76);
    expect(warned).toHaveBeenCalledWith(expect.stringMatching(/^a validation thread was lost \(it stopped \(exit code \d\)\); the next batch that needs one starts another$/));

    expect((await threads.validate(mixedBatch())).valid).toHaveLength(76);
    expect(threadsOf(threads)).toHaveLength(1);
    expect(errored).not.toHaveBeenCalled();
  });

  it('gives a batch to the thread with the fewest in hand, and starts no more threads than configured', async () => {
    const threads = pool(2);
    const outcomes = [1, 2, 3].map(() => threads.validate(mixedBatch()));
    expect(inHand(threads)).toEqual([2, 1]);
    expect((await Promise.all(outcomes)).map((outcome) => outcome.valid.length)).toEqual([76, 76, 76]);
  });

  it('refuses a batch it cannot hand to a thread, and holds nothing for it', async () => {
    const threads = pool();
    const input = mixedBatch();
    (input.drafts[0] as unknown as { remarks: unknown }).remarks = () => 'not data';
    await expect(threads.validate(input)).rejects.toThrow(/the batch could not be handed to a thread: .*could not be cloned/);
    expect(inHand(threads)).toEqual([0]);
    expect((await threads.validate(mixedBatch())).valid).toHaveLength(76);
  });

  it('stops using threads after three in a row stopped before answering, and says so', async () => {
    const threads = pool();
    for (let attempt = 0; attempt < 3; attempt++) {
      const batch = threads.validate(mixedBatch());
      await threadsOf(threads)[0].worker.terminate();
      await expect(batch).rejects.toThrow(ValidationThreadUnavailable);
    }
    expect(threads.enabled).toBe(false);
    expect(warned).toHaveBeenCalledTimes(2);
    expect(errored).toHaveBeenCalledWith(expect.stringMatching(/^validation threads disabled after 3 that stopped before answering \(the last: it stopped .*\); batches are validated on the event loop$/));
    await expect(threads.validate(mixedBatch())).rejects.toThrow('the validation threads were disabled after 3 stopped before answering');
  });

  it('ends a thread that has not answered a batch in time, and fails the batch for its caller to validate itself', async () => {
    class Impatient extends PenaltyValidationPool {
      protected override readonly batchTimeoutMs = 1;
    }
    const impatient = new Impatient({ ingestValidationThreads: 1 }, SECRETS);
    pools.push(impatient);
    const batch = impatient.validate(mixedBatch());
    const [{ worker }] = threadsOf(impatient);
    const exited = new Promise((resolve) => worker.once('exit', resolve));

    await expect(batch).rejects.toThrow(new ValidationThreadUnavailable('a validation thread was lost: it did not answer a batch in 0.001 s'));
    await exited;
    expect(threadsOf(impatient)).toEqual([]);
    expect(warned).toHaveBeenCalledWith('a validation thread was lost (it did not answer a batch in 0.001 s); the next batch that needs one starts another');
  });

  it('lets the batches in hand finish when closed, then takes no more', async () => {
    const closed = pool();
    const inFlight = closed.validate(mixedBatch());
    const closing = Date.now();
    await closed.onModuleDestroy();
    // It goes on when the batch settles, not after the longest it would wait (5 s).
    expect(Date.now() - closing).toBeLessThan(4_000);
    expect((await inFlight).valid).toHaveLength(76);
    expect(closed.enabled).toBe(false);
    expect(threadsOf(closed)).toEqual([]);
    expect([warned, errored].map((logged) => logged.mock.calls.length)).toEqual([0, 0]);
    await expect(closed.validate(mixedBatch())).rejects.toThrow(new ValidationThreadUnavailable('the validation threads are closed'));
  });
});
