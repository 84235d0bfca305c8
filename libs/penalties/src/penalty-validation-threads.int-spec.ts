// A pushed batch validated on a validation thread (INGEST_VALIDATION_THREADS) is written like one validated on the
// event loop: the same results per item, the same stored rows, and content hashes that agree across the two
// (a record pushed again through the other path is UNCHANGED). /metrics says where each batch went.
import { DepartmentPrincipal, ingestValidationBatches, PersonalDataCipher, PLATFORM_SECRETS, PlatformSecrets } from '@credit/common';
import { addDays, todayInChina } from '@credit/domain';
import { createTestApp, naturalPersonRecord, penaltyRecord, TestApp } from '@credit/testing';
import { PenaltyIngestService, THREAD_MIN_ITEMS } from './penalty-ingest.service';
import { PenaltyValidationPool } from './penalty-validation.pool';

async function batchesValidated(): Promise<{ thread: number; eventLoop: number }> {
  const { values } = await ingestValidationBatches.get();
  const of = (where: string) => values.find((value) => value.labels.where === where)?.value ?? 0;
  return { thread: of('thread'), eventLoop: of('event_loop') };
}

describe('validation threads (integration)', () => {
  let t: TestApp;
  let ingest: PenaltyIngestService;
  let department: DepartmentPrincipal;
  const today = todayInChina();

  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKER_IN_PROCESS: 'false', INGEST_VALIDATION_THREADS: '1' });
    ingest = t.app.get(PenaltyIngestService);
    const { id } = await t.createDepartment('CZ-THREADS-SCJGJ');
    department = { kind: 'DEPARTMENT', departmentId: id, departmentCode: 'CZ-THREADS-SCJGJ', departmentName: '线程测试部门', regionCode: '341100', apiKeyId: '0' };
  });
  afterAll(() => t.close());

  it('writes a batch validated on a thread like any other, and agrees with the event loop on every content hash', async () => {
    const records = Array.from({ length: THREAD_MIN_ITEMS + 6 }, (_, i) =>
      i % 5 === 0 ? naturalPersonRecord({ decisionDate: addDays(today, -3) }) : penaltyRecord({ decisionDate: addDays(today, -3) }),
    );
    records[7] = penaltyRecord({ uscc: 'NOT-A-USCC' });
    const before = await batchesValidated();

    const pushed = await ingest.submit(department, records as any);
    expect(await batchesValidated()).toEqual({ ...before, thread: before.thread + 1 });
    expect(pushed).toMatchObject({ created: records.length - 1, rejected: 1 });
    expect(pushed.results[7].errors.map((error) => error.code)).toEqual(['INVALID_USCC']);

    // The natural person's ID number was encrypted on the thread with the platform's key: it opens here.
    const [person] = await t.db.query<{ id_number_encrypted: string; id_number_masked: string }>(
      'SELECT id_number_encrypted, id_number_masked FROM penalty_records WHERE id = $1',
      [pushed.results[0].recordId],
    );
    expect(new PersonalDataCipher(t.app.get<PlatformSecrets>(PLATFORM_SECRETS)).decrypt(person.id_number_encrypted)).toBe(records[0].idNumber);
    expect(person.id_number_masked).not.toBe(records[0].idNumber);

    // Three of them again, a batch small enough for the event loop: the hashes it computes are the stored ones.
    const again = await ingest.submit(department, [records[0], records[1], { ...records[2], fineAmount: '3' }] as any);
    expect(await batchesValidated()).toEqual({ thread: before.thread + 1, eventLoop: before.eventLoop + 1 });
    expect(again).toMatchObject({ unchanged: 2, updated: 1, created: 0 });
  });

  it('validates the batch on the event loop instead when its thread fails, and writes it', async () => {
    // The pool's own spec stops a real thread; here the service is shown what that looks like to it.
    const failed = jest.spyOn(t.app.get(PenaltyValidationPool), 'validate').mockRejectedValueOnce(new Error('a validation thread stopped (exit code 1)'));
    const before = await batchesValidated();
    const records = Array.from({ length: THREAD_MIN_ITEMS }, () => penaltyRecord({ decisionDate: addDays(today, -2) }));
    expect(await ingest.submit(department, records as any)).toMatchObject({ created: records.length, rejected: 0 });
    expect(failed).toHaveBeenCalledTimes(1);
    expect(await batchesValidated()).toEqual({ ...before, eventLoop: before.eventLoop + 1 });
  });
});
