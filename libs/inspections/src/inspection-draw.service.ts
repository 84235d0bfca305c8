// The draw (随机抽取) of a published plan, its read side, the candidate export and the verifier.
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@credit/audit';
import { actorOf, cursorCodec, Principal, toConnection } from '@credit/common';
import { Database } from '@credit/db';
import {
  canonicalCandidateLines,
  CANDIDATE_CSV_HEADER,
  CreditTier,
  candidateListHash,
  DRAW_TIERS,
  DrawCandidate,
  drawInspectionSample,
  regionSubtreePrefix,
  seedCommitment,
  Sha256Function,
  StratumDraw,
  stratumCount,
} from '@credit/domain';
import { candidateListHashByCopy, candidateListHashInSql } from './candidate-list-hash.repository';
import { InspectionDrawModel, InspectionSelectionConnection } from './dto/inspection-plan.models';
import { InspectionClock } from './inspection-clock';
import { InspectionDrawRepository } from './inspection-draw.repository';
import { toDrawModel } from './inspection.mapping';
import { InspectionPlansRepository } from './inspection-plans.repository';
import { InspectionPlansService } from './inspection-plans.service';
import { planNotPublished } from './inspections.errors';
import { nodeSha256 } from './node-sha256';
import { isPlanId } from './plan-access';

const SELECTION_CURSOR = cursorCodec('band', 'id');
const TIER_INDEX: readonly string[] = DRAW_TIERS;
const EXPORT_CHUNK = 50_000;

export interface DrawVerification {
  matches: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
}

@Injectable()
export class InspectionDrawService {
  constructor(
    private readonly db: Database,
    private readonly plansService: InspectionPlansService,
    private readonly plans: InspectionPlansRepository,
    private readonly draws: InspectionDrawRepository,
    private readonly audit: AuditService,
    private readonly clock: InspectionClock,
  ) {}

  /**
   * Reveals the seed, freezes the candidates, selects per stratum; one transaction (all or nothing), set-based:
   *   freeze     INSERT … SELECT of the candidates, counting each stratum from the rows inserted
   *   counts     stratumCount of @credit/domain over those sizes (the one rule; no SQL mirror of it)
   *   top-N      one read-only, parallel-capable pass hashing every candidate once (like the bench's baseline)
   *              that keeps each stratum's rows below a digest threshold (strataTop: exact, with a per-stratum
   *              `ORDER BY digest LIMIT n` as the fallback), ranked here, written by one INSERT over arrays
   *   hash       candidateListHash streamed by COPY in USCC byte order into node:crypto (candidate-list-hash.repository.ts)
   * `steps`, when given, receives each step's milliseconds (bench/inspections).
   */
  async draw(planId: string, principal: Principal, steps?: Record<string, number>): Promise<InspectionDrawModel> {
    const drawDay = this.clock.today();
    const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const value = await fn();
      if (steps) steps[name] = (steps[name] ?? 0) + performance.now() - started;
      return value;
    };
    return this.db.transaction(async (sql, client) => {
      const plan = await this.plansService.reachablePlan(sql, planId, principal, true);
      if (plan.status !== 'PUBLISHED') throw planNotPublished(plan.status);
      const seed = (await this.draws.secretSeed(sql, planId))!;
      await this.draws.reserveSortMemory(sql);
      const scope = { planId, regionPrefix: regionSubtreePrefix(plan.regionCode) ?? '', subjectTypes: plan.subjectTypes, drawDay, exclusionMonths: plan.exclusionMonths };
      const sizes = await step('freeze', () => this.draws.freezeCandidates(sql, scope));
      const strata: StratumDraw[] = DRAW_TIERS.map((tier) => {
        const rule = plan.strata.find((s) => s.tier === tier) ?? { ratioBasisPoints: 0, minCount: null, maxCount: null };
        const size = sizes.get(tier) ?? 0;
        return { tier, candidates: size, ...stratumCount(size, rule) };
      });
      const selected: { subjectId: string; uscc: string; tier: CreditTier; rank: number; digest: string }[] = [];
      const below = await step('top-N', () => this.draws.strataTop(sql, planId, seed, strata));
      for (const stratum of strata) {
        let top: { subjectId: string; uscc: string; digest: string }[] = below.filter((row) => row.tier === stratum.tier).slice(0, stratum.count);
        if (top.length < stratum.count) top = await step('top-N', () => this.draws.stratumTop(sql, planId, seed, stratum.tier, stratum.count));
        if (top.length !== stratum.count) throw new Error(`draw SQL drew ${top.length} in tier ${stratum.tier}, stratumCount says ${stratum.count}`);
        top.forEach((row, index) => selected.push({ subjectId: row.subjectId, uscc: row.uscc, digest: row.digest, tier: stratum.tier, rank: index + 1 }));
      }
      await step('selections', () => this.draws.insertSelections(sql, planId, drawDay, selected));
      const hash = await step('hash', async () => (await candidateListHashByCopy(client, planId)) ?? (await candidateListHashInSql(sql, planId)));
      const total = strata.reduce((sum, s) => sum + s.candidates, 0);
      await this.draws.recordDraw(sql, planId, seed, drawDay, hash, total, strata);
      await this.audit.append(sql, actorOf(principal), [
        { action: 'INSPECTION_DRAWN', targetType: 'INSPECTION_PLAN', targetId: planId, details: { seed, seedCommitment: plan.seedCommitment, candidateListHash: hash, candidates: total, selected: strata.map((s) => s.count) } },
      ]);
      return toDrawModel((await this.plans.findPlan(sql, planId))!);
    });
  }

  /** The draw of a plan the caller may reach (null otherwise, or while a draft). */
  async drawOf(planId: string, principal: Principal): Promise<InspectionDrawModel | null> {
    if (!isPlanId(planId)) return null;
    const plan = await this.plansService.plan(planId, principal);
    if (!plan || plan.status === 'DRAFT') return null;
    return toDrawModel((await this.plans.findPlan(this.db, planId))!);
  }

  async selections(planId: string, first: number, after: string | undefined): Promise<InspectionSelectionConnection> {
    const cursor = after ? SELECTION_CURSOR.decode(after) : null;
    const position = cursor ? { tier: TIER_INDEX[cursor[0]] ?? 'Z', rank: Number(cursor[1]) } : null;
    const [rows, total] = await Promise.all([this.draws.selectionsPage(this.db, planId, position, first + 1), this.draws.selectionCount(this.db, planId)]);
    return toConnection(rows, first, total, (row) => SELECTION_CURSOR.encode([TIER_INDEX.indexOf(row.tier), String(row.rank)]), (row) => ({
      uscc: row.uscc,
      name: row.name,
      tier: row.tier,
      rank: row.rank,
      digest: row.digest,
      inspectors: row.inspectors,
    }));
  }

  /** Whether the caller may export the plan's candidates: it reaches the plan, and the plan is drawn. */
  async isExportable(planId: string, principal: Principal): Promise<boolean> {
    const plan = await this.plansService.plan(planId, principal);
    return plan !== null && !['DRAFT', 'PUBLISHED'].includes(plan.status);
  }

  /**
   * The frozen candidate list as CSV: "uscc,tier" and the canonical lines, so that `tail -n +2 | sha256sum`
   * prints candidateListHash. Check isExportable first. Streamed with backpressure; a reader that goes away
   * ends the read (and its transaction).
   */
  candidateCsv(planId: string): Readable {
    const out = new PassThrough();
    out.write(`${CANDIDATE_CSV_HEADER}\n`);
    this.eachCandidateChunk(planId, async (rows) => {
      if (out.destroyed) throw new Error('candidate export: reader went away');
      if (!out.write(canonicalCandidateLines(rows))) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    }).then(
      () => out.end(),
      (error: Error) => out.destroy(error),
    );
    return out;
  }

  /**
   * Re-computes a draw in Node from the revealed seed and the frozen candidates (or a candidate list supplied,
   * e.g. the exported CSV) and compares it with what the database recorded: commitment, list hash, strata, selection.
   * `hash` is node:crypto's SHA-256 unless a caller passes another implementation (the pure one of @credit/domain).
   */
  async verify(planId: string, supplied: DrawCandidate[] | null, hash: Sha256Function = nodeSha256): Promise<DrawVerification | null> {
    const plan = isPlanId(planId) ? await this.plans.findPlan(this.db, planId) : null;
    if (!plan) return null;
    const checks: DrawVerification['checks'] = [];
    if (plan.seed === null || plan.seedCommitment === null) {
      return { matches: false, checks: [{ name: 'drawn', ok: false, detail: `plan ${planId} is ${plan.status}: no draw to verify` }] };
    }
    const commitment = seedCommitment(plan.seed, hash);
    checks.push({ name: 'seed commitment', ok: commitment === plan.seedCommitment, detail: `SHA-256(seed) = ${commitment}, published ${plan.seedCommitment}` });
    let candidates = supplied;
    if (candidates === null) {
      const all: DrawCandidate[] = [];
      await this.eachCandidateChunk(planId, async (rows) => {
        for (const row of rows) all.push(row);
      });
      candidates = all;
    }
    const listHash = candidateListHash(candidates, hash);
    checks.push({ name: 'candidate list', ok: listHash === plan.candidateListHash, detail: `${candidates.length} candidates hash to ${listHash}, recorded ${plan.candidateListHash}` });
    let outcome;
    try {
      outcome = drawInspectionSample(plan.seed, candidates, plan.strata, hash);
    } catch (error) {
      checks.push({ name: 'draw', ok: false, detail: (error as Error).message });
      return { matches: false, checks };
    }
    // Field by field: jsonb does not keep the key order of what was stored.
    const strataKey = (list: StratumDraw[]) => list.map((s) => `${s.tier}:${s.candidates}:${s.count}:${s.shortfall}`).join(',');
    checks.push({ name: 'strata', ok: strataKey(outcome.strata) === strataKey(plan.drawStrata ?? []), detail: outcome.strata.map((s) => `${s.tier} ${s.count}/${s.candidates}`).join(', ') });
    const recorded = await this.draws.allSelections(this.db, planId);
    const key = (s: { tier: string; rank: number; uscc: string; digest: string }) => `${s.tier}|${s.rank}|${s.uscc}|${s.digest}`;
    const expected = outcome.selected.map(key).sort();
    const actual = recorded.map(key).sort();
    const same = expected.length === actual.length && expected.every((k, i) => k === actual[i]);
    checks.push({ name: 'selection', ok: same, detail: `${expected.length} re-computed, ${actual.length} recorded` });
    return { matches: checks.every((c) => c.ok), checks };
  }

  // Read-only: the transaction never meets a serialization failure, so fn runs once per chunk (no retry).
  private async eachCandidateChunk(planId: string, fn: (rows: DrawCandidate[]) => Promise<void>): Promise<void> {
    await this.db.transaction((sql) => this.draws.forEachCandidateChunk(sql, planId, EXPORT_CHUNK, fn), 1);
  }
}
