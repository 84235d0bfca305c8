import { Actor, auditRowHash, AuditRecordInput, chainBatch, GENESIS_HASH } from './audit.service';

describe('chainBatch (the batch hashing append uses)', () => {
  const occurredAt = '2026-11-28T04:05:06.789Z';
  const entries: AuditRecordInput[] = [
    { action: 'PENALTY_RECORD_CREATED', targetType: 'PENALTY_RECORD', targetId: '17', afterHash: 'ab'.repeat(32), details: { version: 1, decisionNumber: '滁市监罚〔2026〕1号' } },
    { action: 'PENALTY_RECORD_UPDATED', targetType: 'PENALTY_RECORD', targetId: '18', beforeHash: 'cd'.repeat(32), afterHash: 'ef'.repeat(32), details: { z: [2, { b: null, a: '"引号"\n' }], a: 1.5 } },
    { action: 'TIERS_RECOMPUTED', targetType: 'CREDIT_TIERS', targetId: 'ALL' },
    { action: 'X', targetType: 'Y', targetId: '\u2028 \\ "', details: null, beforeHash: undefined },
  ];

  it.each<[string, Actor]>([
    ['a department', { type: 'DEPARTMENT', id: '3', name: '滁州市市场监督管理局' }],
    ['the system (no id)', { type: 'SYSTEM', id: null, name: 'system' }],
  ])('gives exactly the hashes audit:verify recomputes, for %s', (_, actor) => {
    const chain = chainBatch(GENESIS_HASH, occurredAt, actor, entries);
    let prev = GENESIS_HASH;
    entries.forEach((entry, i) => {
      const expected = auditRowHash(prev, {
        occurredAt, actorType: actor.type, actorId: actor.id, action: entry.action, targetType: entry.targetType, targetId: entry.targetId,
        beforeHash: entry.beforeHash ?? null, afterHash: entry.afterHash ?? null, details: entry.details ?? null,
      });
      expect(chain.prevHashes[i]).toBe(prev);
      expect(chain.rowHashes[i]).toBe(expected);
      prev = expected;
    });
    expect(chain.details).toEqual(['{"decisionNumber":"滁市监罚〔2026〕1号","version":1}', '{"a":1.5,"z":[2,{"a":"\\"引号\\"\\n","b":null}]}', null, null]);
  });
});
