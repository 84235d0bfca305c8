// GET /inspections/plans/{planId}/candidates.csv: the frozen candidate list of a draw, for re-running it.
// An HTTP route rather than a GraphQL field: a national plan freezes millions of candidates (~21 bytes each),
// which is a file to stream (a server-side cursor, 50,000 rows a fetch) and save, not a string inside a JSON response under the GraphQL body limits.
// Guarded like the GraphQL operations: the same global guard and credential gate (X-Api-Key or Bearer), the
// same roles, and the same plan access (plan-access.ts): what the caller may not reach is a 404.
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@credit/common';
import { InspectionDrawService } from './inspection-draw.service';
import { isPlanId } from './plan-access';

@Controller('inspections/plans')
export class InspectionCandidatesController {
  constructor(private readonly draws: InspectionDrawService) {}

  @Get(':planId/candidates.csv')
  @Roles('REGULATOR', 'DEPARTMENT')
  async candidates(@Param('planId') planId: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    if (!isPlanId(planId) || !(await this.draws.isExportable(planId, principal))) {
      const message = '未找到，或不在您的查询范围内（drawn inspection plan not found）';
      await reply.status(404).send({ errors: [{ message, extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="inspection-plan-${planId}-candidates.csv"`)
      .send(this.draws.candidateCsv(planId));
  }
}
