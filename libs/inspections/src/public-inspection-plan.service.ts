// The public view of a drawn 双随机 plan (一公开): what the plan was, the commit–reveal record (commitment,
// revealed seed, candidate-list hash, counts per stratum), the selected subjects, and whether the draw verifies.
// Read by the portal's /inspections/plans/{id}; anyone may see it, so a plan not yet drawn (or no plan) is null,
// the same answer, and the caller shows its one 404.
//
// What is NOT public: the frozen candidate list. Its hash (candidateListHash, inspection-draw.ts) covers each
// candidate's risk tier ("<USCC>,<tier>\n"), so the list that lets anyone re-run the draw publishes the A/B/C/D
// tier of every subject in scope, and the tiers are for regulators (issue 13). A list without tiers, or one list
// of USCCs per stratum, still tells each subject's tier, and would no longer hash to the recorded value. So the
// public gets the commitment, the seed, the hash, the counts and the selection, plus the verdict the server
// computes from the frozen list with the same function the `inspections:verify-draw` CLI runs
// (InspectionDrawService.verify → drawInspectionSample of @credit/domain); the CSV stays with the regulators
// and executing departments who may read tiers (GET /inspections/plans/{id}/candidates.csv, credentials).
// For the same reason the selection is listed in USCC order without tier or rank.
//
// Cost: the re-run is synchronous CPU over the whole list, which stalls every request of the process while it
// runs. With node:crypto's SHA-256 (nodeSha256, injected into the domain's draw functions) InspectionDrawService.verify
// costs ~1.2 s of CPU for 200,000 candidates and ~6.8 s for 926,000, reading the list included (bench/inspections
// on a loaded 2-core machine; with the pure-TypeScript hash and the former code it was ~26 s for 962,000). So a
// page view re-runs lists up to PUBLIC_VERIFY_MAX_CANDIDATES (≤ ~1 s CPU, once per plan and process: the verdict
// is kept); above that the page checks the seed against its commitment (one hash) and says the full re-run is
// the CLI's. New re-runs are also capped per minute (PUBLIC_VERIFICATIONS_PER_MINUTE), so anonymous views of many
// plans cannot keep the CPU busy.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@credit/common';
import { Database } from '@credit/db';
import { CreditTier, DRAW_TIERS, formatRatioPercent, maskPersonName, PartyType, seedCommitment } from '@credit/domain';
import { DrawVerification, InspectionDrawService } from './inspection-draw.service';
import { InspectionDrawRepository } from './inspection-draw.repository';
import { InspectionPlansRepository } from './inspection-plans.repository';
import { nodeSha256 } from './node-sha256';
import { isPlanId } from './plan-access';
import { PublicInspectionPlanRepository } from './public-inspection-plan.repository';

export interface PublicStratum {
  tier: CreditTier;
  /** 抽查比例 as a percentage ("3", "12.5"); "0" for a tier the plan has no rule for. */
  ratioPercent: string;
  minCount: number | null;
  maxCount: number | null;
  candidates: number;
  drawn: number;
  shortfall: number;
}

export interface PublicInspectionPlan {
  id: string;
  name: string;
  year: number;
  regionCode: string;
  status: string;
  plannedStart: string;
  plannedEnd: string;
  departments: { code: string; name: string }[];
  items: { code: string; name: string; legalBasis: string }[];
  /**
   * Per-tier ratios, bounds and counts; empty when fewer than two tiers had subjects drawn: then every selected
   * subject would visibly belong to the one tier drawn, and risk tiers are for regulators (the verdict still
   * checks every stratum on the server).
   */
  strata: PublicStratum[];
  seedCommitment: string;
  seed: string;
  candidateListHash: string;
  candidateCount: number;
  drawDay: string | null;
  completedOn: string | null;
}

/** One selected subject as the public sees it: a natural person masked and without any identifier. */
export interface PublicSelectedSubject {
  uscc: string | null;
  name: string;
}

export interface PublicSelectionPage {
  subjects: PublicSelectedSubject[];
  /** Selected subjects in the plan (all pages), natural persons included. */
  total: number;
  /** Natural persons left out of this page (PUBLISH_NATURAL_PERSONS off). */
  hidden: number;
  /** The `after` of the next page, or null. */
  nextAfter: string | null;
}

/**
 * The server's verdict on a draw: the full re-run (`verification`), or, for a list too large to re-run on a page
 * view, only the seed against its commitment.
 */
export type PublicDrawVerdict = { complete: true; verification: DrawVerification | null } | { complete: false; commitmentMatches: boolean; candidates: number };

export const PUBLIC_SELECTION_PAGE = 100;
/** Largest frozen list re-run on a page view (see the header: under a second of CPU, once per plan). */
export const PUBLIC_VERIFY_MAX_CANDIDATES = 150_000;
/**
 * Verdicts kept in memory (least recently used first out): a verification reads the whole frozen list once, and a
 * drawn plan never changes. A verdict is a few hundred bytes, so 4,096 of them cover a year's plans of a province.
 */
const VERDICT_CACHE_SIZE = 4096;
/**
 * New full re-runs per minute in this process. Page views are anonymous: without a budget, anyone cycling through
 * more drawn plans than the cache keeps would make every view cost up to ~1 s of blocked event loop; 10 a minute
 * bounds that to a sixth of a core. Beyond the budget the page says 暂时无法验证 (verification: null) and a later
 * view computes it.
 */
export const PUBLIC_VERIFICATIONS_PER_MINUTE = 10;

@Injectable()
export class PublicInspectionPlanService {
  private readonly verdicts = new Map<string, Promise<DrawVerification | null>>();
  /** Start times (ms) of the full re-runs of the last minute. */
  private readonly started: number[] = [];

  constructor(
    private readonly db: Database,
    private readonly plans: InspectionPlansRepository,
    private readonly draws: InspectionDrawRepository,
    private readonly selections: PublicInspectionPlanRepository,
    private readonly drawService: InspectionDrawService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A drawn plan (DRAWN, ASSIGNED or COMPLETED), or null for anything else (no such plan, draft, not yet drawn). */
  async drawnPlan(planId: string): Promise<PublicInspectionPlan | null> {
    const row = isPlanId(planId) ? await this.plans.findPlan(this.db, planId) : null;
    if (!row || row.seed === null || row.seedCommitment === null || row.candidateListHash === null || row.drawStrata === null) return null;
    const [departments, items] = await Promise.all([this.plans.departmentsById(this.db, row.departmentIds), this.plans.itemsById(this.db, row.itemIds)]);
    const strata = DRAW_TIERS.map((tier): PublicStratum => {
      const rule = row.strata.find((s) => s.tier === tier);
      const drawn = row.drawStrata?.find((s) => s.tier === tier);
      return {
        tier,
        ratioPercent: formatRatioPercent(rule?.ratioBasisPoints ?? 0),
        minCount: rule?.minCount ?? null,
        maxCount: rule?.maxCount ?? null,
        candidates: drawn?.candidates ?? 0,
        drawn: drawn?.count ?? 0,
        shortfall: drawn?.shortfall ?? 0,
      };
    });
    return {
      id: row.id,
      name: row.name,
      year: row.year,
      regionCode: row.regionCode,
      status: row.status,
      plannedStart: row.plannedStart,
      plannedEnd: row.plannedEnd,
      departments: departments.map((d) => ({ code: d.code, name: d.name })),
      items: items.map((i) => ({ code: i.code, name: i.name, legalBasis: i.legalBasis })),
      strata: strata.filter((s) => s.drawn > 0).length >= 2 ? strata : [],
      seedCommitment: row.seedCommitment,
      seed: row.seed,
      candidateListHash: row.candidateListHash,
      candidateCount: row.candidateCount ?? 0,
      drawDay: row.drawDay,
      completedOn: row.completedOn,
    };
  }

  /** A page of the selected subjects of a drawn plan (check drawnPlan first), in USCC order. */
  async selection(planId: string, afterUscc: string | null, first = PUBLIC_SELECTION_PAGE): Promise<PublicSelectionPage> {
    const after = afterUscc && /^[0-9A-Z]{18}$/.test(afterUscc) ? afterUscc : '';
    const [rows, total] = await Promise.all([this.selections.selectionPage(this.db, planId, after, first + 1), this.draws.selectionCount(this.db, planId)]);
    const page = rows.slice(0, first);
    const subjects: PublicSelectedSubject[] = [];
    let hidden = 0;
    for (const row of page) {
      if (row.subjectType !== PartyType.NATURAL_PERSON) subjects.push({ uscc: row.uscc, name: row.name });
      else if (this.config.publishNaturalPersons) subjects.push({ uscc: null, name: maskPersonName(row.name) });
      else hidden++;
    }
    return { subjects, total, hidden, nextAfter: rows.length > first ? page[page.length - 1].uscc : null };
  }

  /**
   * Re-runs the draw from the frozen candidates (InspectionDrawService.verify, the CLI's code) and compares it
   * with the record. Computed once per plan and kept: the inputs of a drawn plan are frozen.
   */
  async verdict(plan: Pick<PublicInspectionPlan, 'id' | 'candidateListHash' | 'candidateCount' | 'seed' | 'seedCommitment'>): Promise<PublicDrawVerdict> {
    if (plan.candidateCount > PUBLIC_VERIFY_MAX_CANDIDATES) {
      return { complete: false, commitmentMatches: seedCommitment(plan.seed, nodeSha256) === plan.seedCommitment, candidates: plan.candidateCount };
    }
    return { complete: true, verification: await this.fullVerdict(plan) };
  }

  private fullVerdict(plan: Pick<PublicInspectionPlan, 'id' | 'candidateListHash'>): Promise<DrawVerification | null> {
    const key = `${plan.id}:${plan.candidateListHash}`;
    let verdict = this.verdicts.get(key);
    if (verdict) {
      // Least recently used goes first: a hit moves to the end.
      this.verdicts.delete(key);
      this.verdicts.set(key, verdict);
      return verdict;
    }
    if (!this.withinBudget(Date.now())) return Promise.resolve(null);
    verdict = this.drawService.verify(plan.id, null);
    verdict.catch(() => this.verdicts.delete(key));
    if (this.verdicts.size >= VERDICT_CACHE_SIZE) this.verdicts.delete(this.verdicts.keys().next().value as string);
    this.verdicts.set(key, verdict);
    return verdict;
  }

  /** Whether one more full re-run fits this minute's budget (and counts it if so). */
  private withinBudget(now: number): boolean {
    while (this.started.length > 0 && this.started[0] <= now - 60_000) this.started.shift();
    if (this.started.length >= PUBLIC_VERIFICATIONS_PER_MINUTE) return false;
    this.started.push(now);
    return true;
  }
}
