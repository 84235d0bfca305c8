// inspectionStats: the region is already confined to the caller's scope (confineRegion); undefined = no overlap.
import { Injectable } from '@nestjs/common';
import { badInput } from '@credit/common';
import { Database } from '@credit/db';
import { CreditTier, InspectionResultCategory, isRegionCode, regionSubtreePrefix } from '@credit/domain';
import { InspectionStatsModel } from './dto/inspection-result.models';
import { InspectionClock } from './inspection-clock';
import { InspectionStatsRepository } from './inspection-stats.repository';

@Injectable()
export class InspectionStatsService {
  constructor(
    private readonly db: Database,
    private readonly repository: InspectionStatsRepository,
    private readonly clock: InspectionClock,
  ) {}

  async stats(region: string | null | undefined, requested: string | null, year: number): Promise<InspectionStatsModel> {
    if (requested !== null && !isRegionCode(requested)) throw badInput('区域代码无效（regionCode is not a GB/T 2260 code）', 'regionCode');
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('年度须在 2000–2100 之间（year must be 2000–2100）', 'year');
    if (region === undefined) return emptyStats(requested, year);
    const prefix = region === null ? null : regionSubtreePrefix(region);
    const row = await this.repository.stats(this.db, prefix, year, this.clock.today());
    return {
      regionCode: region,
      year,
      plans: row.plans,
      draftPlans: row.draftPlans,
      completedPlans: row.completedPlans,
      drawnByTier: row.drawnByTier.map((t) => ({ tier: t.tier as CreditTier, candidates: t.candidates, drawn: t.drawn })),
      subjectsDrawn: row.subjectsDrawn,
      resultsRecorded: row.resultsRecorded,
      resultsByCategory: row.resultsByCategory.map((c) => ({ category: c.category as InspectionResultCategory, count: c.count })),
      overdueResults: row.overdueResults,
      overduePublications: row.overduePublications,
    };
  }
}

function emptyStats(regionCode: string | null, year: number): InspectionStatsModel {
  return {
    regionCode,
    year,
    plans: 0,
    draftPlans: 0,
    completedPlans: 0,
    drawnByTier: (['A', 'B', 'C', 'D'] as CreditTier[]).map((tier) => ({ tier, candidates: 0, drawn: 0 })),
    subjectsDrawn: 0,
    resultsRecorded: 0,
    resultsByCategory: [],
    overdueResults: 0,
    overduePublications: 0,
  };
}
