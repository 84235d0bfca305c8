import { Actor, AUDIT_HASH_VERSION, auditRowHash, AuditRecordInput, chainBatch, GENESIS_HASH } from './audit.service';

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
    ['a user whose name needs escaping', { type: 'USER', id: '9', name: '张"三"\n\u2028' }],
  ])('gives exactly the hashes audit:verify recomputes, for %s', (_, actor) => {
    const ids = ['41', '42', '100', '9007199254740993'];
    const chain = chainBatch(GENESIS_HASH, ids, occurredAt, actor, entries);
    let prev = GENESIS_HASH;
    entries.forEach((entry, i) => {
      const expected = auditRowHash(AUDIT_HASH_VERSION, prev, {
        id: ids[i], occurredAt, actorType: actor.type, actorId: actor.id, actorName: actor.name, action: entry.action, targetType: entry.targetType, targetId: entry.targetId,
        beforeHash: entry.beforeHash ?? null, afterHash: entry.afterHash ?? null, details: entry.details ?? null,
      });
      expect(chain.prevHashes[i]).toBe(prev);
      expect(chain.rowHashes[i]).toBe(expected);
      prev = expected;
    });
    expect(chain.details).toEqual(['{"decisionNumber":"滁市监罚〔2026〕1号","version":1}', '{"a":1.5,"z":[2,{"a":"\\"引号\\"\\n","b":null}]}', null, null]);
  });

  it('covers every column: the actor name and the id change the hash', () => {
    const row = { id: '7', occurredAt, actorType: 'USER', actorId: '1', actorName: 'admin', action: 'A', targetType: 'T', targetId: '1', beforeHash: null, afterHash: null, details: null };
    const hash = auditRowHash(AUDIT_HASH_VERSION, GENESIS_HASH, row);
    expect(auditRowHash(AUDIT_HASH_VERSION, GENESIS_HASH, { ...row, actorName: 'someone else' })).not.toBe(hash);
    expect(auditRowHash(AUDIT_HASH_VERSION, GENESIS_HASH, { ...row, id: '8' })).not.toBe(hash);
    // The first scheme did not cover them: rows it hashed are only accepted before the first scheme-2 row.
    expect(auditRowHash(1, GENESIS_HASH, { ...row, actorName: 'someone else' })).toBe(auditRowHash(1, GENESIS_HASH, row));
  });
});
