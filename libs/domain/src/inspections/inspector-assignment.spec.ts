import { assignInspectorsToSubjects, AssignmentSubject, PoolInspector } from './inspector-assignment';

const SEED = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

function pool(n: number, conflicts: Partial<Record<number, Partial<PoolInspector>>> = {}): PoolInspector[] {
  return Array.from({ length: n }, (_, i) => ({ id: String(i + 1), certificateNumber: `皖执${String(i + 1).padStart(4, '0')}`, conflictUsccs: [], conflictRegionCodes: [], ...conflicts[i] }));
}

function subjects(n: number, regionCode = '341102'): AssignmentSubject[] {
  return Array.from({ length: n }, (_, i) => ({ uscc: `913411020000${String(i).padStart(6, '0')}`, regionCode }));
}

function spread(loads: Record<string, number>): number {
  const values = Object.values(loads);
  return Math.max(...values) - Math.min(...values);
}

describe('assignInspectorsToSubjects (随机选派)', () => {
  it('gives every subject two different inspectors and keeps max − min load ≤ 1', () => {
    for (const [s, p] of [[1, 2], [3, 10], [7, 4], [50, 9], [101, 13]]) {
      const outcome = assignInspectorsToSubjects(SEED, subjects(s), pool(p));
      if (!outcome.ok) throw new Error('expected an assignment');
      expect(outcome.assignments).toHaveLength(s);
      for (const a of outcome.assignments) expect(new Set(a.inspectorIds).size).toBe(2);
      expect([s, p, spread(outcome.loads)]).toEqual([s, p, expect.any(Number)]);
      expect(spread(outcome.loads)).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic and independent of the order of subjects and pool', () => {
    const first = assignInspectorsToSubjects(SEED, subjects(20), pool(7));
    const again = assignInspectorsToSubjects(SEED, [...subjects(20)].reverse(), [...pool(7)].reverse());
    if (!first.ok || !again.ok) throw new Error('expected assignments');
    const bySubject = (list: typeof first.assignments) => Object.fromEntries(list.map((a) => [a.uscc, [...a.inspectorIds].sort()]));
    expect(bySubject(again.assignments)).toEqual(bySubject(first.assignments));
    const other = assignInspectorsToSubjects('f'.repeat(64), subjects(20), pool(7));
    if (!other.ok) throw new Error('expected an assignment');
    expect(bySubject(other.assignments)).not.toEqual(bySubject(first.assignments));
  });

  it('never assigns a conflicted inspector (回避: the subject, or its region subtree)', () => {
    const list = subjects(30);
    const outcome = assignInspectorsToSubjects(SEED, list, pool(6, { 0: { conflictUsccs: [list[0].uscc, list[1].uscc] }, 1: { conflictRegionCodes: ['341100'] } }));
    if (!outcome.ok) throw new Error('expected an assignment');
    for (const a of outcome.assignments) expect(a.inspectorIds).not.toContain('2'); // 341102 lies in 341100
    expect(outcome.assignments.find((a) => a.uscc === list[0].uscc)!.inspectorIds).not.toContain('1');
    expect(outcome.loads['2']).toBe(0);
    // The five free inspectors share 60 places evenly.
    const free = Object.entries(outcome.loads).filter(([id]) => id !== '2').map(([, n]) => n);
    expect(Math.max(...free) - Math.min(...free)).toBeLessThanOrEqual(1);
  });

  it('names the shortfall when the pool is too small', () => {
    const list = subjects(2);
    expect(assignInspectorsToSubjects(SEED, list, pool(1))).toEqual({ ok: false, shortfalls: list.map((s) => ({ uscc: s.uscc, needed: 2, available: 1 })) });
    const conflicted = assignInspectorsToSubjects(SEED, list, pool(2, { 0: { conflictUsccs: [list[1].uscc] } }));
    expect(conflicted).toEqual({ ok: false, shortfalls: [{ uscc: list[1].uscc, needed: 2, available: 1 }] });
  });

  it('assigns nothing to no subjects', () => expect(assignInspectorsToSubjects(SEED, [], pool(0))).toEqual({ ok: true, assignments: [], loads: {} }));
});
