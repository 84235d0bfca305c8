// 随机选派执法检查人员: each drawn subject gets `perSubject` inspectors of the executing departments, drawn with
// the plan's revealed seed, never one who declared a conflict (回避) with the subject or its region, spreading
// the load evenly. Deterministic: the same seed, subjects and pool give the same assignment, whatever the order.
//
// Method: subjects are taken in the order of SHA-256(seed ‖ USCC) (as in the draw). For each, among the
// inspectors free of conflict, the `perSubject` with the lowest load so far are chosen, ties going to the
// smallest SHA-256(seed ‖ USCC ‖ "|" ‖ 执法证号). Without conflicts this keeps max load − min load ≤ 1 over
// the whole pool; conflicts can make that impossible, and then it is as even as the greedy pass gets.
import { isRegionWithin } from '../identifiers/regions';
import { fromHex, sha256, toHex, utf8 } from './sha256';
import { compareText, isSeedHex } from './inspection-draw';

export const INSPECTORS_PER_SUBJECT = 2;

export interface PoolInspector {
  id: string;
  /** 执法证号, unique on the platform. */
  certificateNumber: string;
  /** Subjects (USCC) the inspector must not inspect (回避). */
  conflictUsccs: readonly string[];
  /** Regions whose subjects the inspector must not inspect (a code covers its subtree). */
  conflictRegionCodes: readonly string[];
}

export interface AssignmentSubject {
  uscc: string;
  regionCode: string | null;
}

export interface SubjectAssignment {
  uscc: string;
  inspectorIds: string[];
}

export interface PoolShortfall {
  uscc: string;
  needed: number;
  available: number;
}

export type AssignmentOutcome =
  | { ok: true; assignments: SubjectAssignment[]; loads: Record<string, number> }
  | { ok: false; shortfalls: PoolShortfall[] };

export function isConflicted(inspector: PoolInspector, subject: AssignmentSubject): boolean {
  if (inspector.conflictUsccs.includes(subject.uscc)) return true;
  const region = subject.regionCode;
  return region !== null && inspector.conflictRegionCodes.some((code) => isRegionWithin(region, code));
}

export function assignInspectorsToSubjects(
  seedHex: string,
  subjects: readonly AssignmentSubject[],
  pool: readonly PoolInspector[],
  perSubject: number = INSPECTORS_PER_SUBJECT,
): AssignmentOutcome {
  const seed = isSeedHex(seedHex) ? fromHex(seedHex) : null;
  if (seed === null) throw new RangeError('seed must be 64 lowercase hex characters (32 bytes)');
  const digest = (text: string) => {
    const bytes = utf8(text);
    const buffer = new Uint8Array(seed.length + bytes.length);
    buffer.set(seed);
    buffer.set(bytes, seed.length);
    return toHex(sha256(buffer));
  };

  const shortfalls: PoolShortfall[] = [];
  const eligible = new Map<string, PoolInspector[]>();
  for (const subject of subjects) {
    const free = pool.filter((inspector) => !isConflicted(inspector, subject));
    if (free.length < perSubject) shortfalls.push({ uscc: subject.uscc, needed: perSubject, available: free.length });
    eligible.set(subject.uscc, free);
  }
  if (shortfalls.length > 0) return { ok: false, shortfalls };

  const loads: Record<string, number> = Object.fromEntries(pool.map((inspector) => [inspector.id, 0]));
  const ordered = subjects
    .map((subject) => ({ subject, key: digest(subject.uscc) }))
    .sort((a, b) => compareText(a.key, b.key) || compareText(a.subject.uscc, b.subject.uscc));
  const assignments: SubjectAssignment[] = [];
  for (const { subject } of ordered) {
    const chosen = eligible
      .get(subject.uscc)!
      .map((inspector) => ({ inspector, key: digest(`${subject.uscc}|${inspector.certificateNumber}`) }))
      .sort((a, b) => loads[a.inspector.id] - loads[b.inspector.id] || compareText(a.key, b.key) || compareText(a.inspector.id, b.inspector.id))
      .slice(0, perSubject)
      .map(({ inspector }) => inspector.id);
    for (const id of chosen) loads[id] += 1;
    assignments.push({ uscc: subject.uscc, inspectorIds: chosen });
  }
  return { ok: true, assignments, loads };
}
