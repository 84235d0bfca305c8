// The portal's 双随机、一公开 pages: /inspections (published results, searchable) and /inspections/plans/{id}
// (a drawn plan, its proof and the server's verdict). Public, one page view each of the anonymous budget, errors as
// the portal's HTML pages; a plan that does not exist or is not drawn yet is the portal's one 404.
import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badInput, CountsAsPageView, Public } from '@credit/common';
import { inspectionPlanMain } from './pages/inspection-plan.page';
import { inspectionsMain, inspectionsTitle } from './pages/inspections.page';
import { PortalExceptionFilter, PortalNotFound } from './portal-exception.filter';
import { readInspectionParams } from './portal-inspections.query';
import { PortalInspectionsService } from './portal-inspections.service';
import { portalPage } from './portal.layout';
import { sendPage } from './portal.http';
import { PortalSettings } from './portal.settings';

@Controller('inspections')
@Public()
@UseFilters(PortalExceptionFilter)
export class PortalInspectionsController {
  constructor(
    private readonly inspections: PortalInspectionsService,
    private readonly settings: PortalSettings,
  ) {}

  @Get()
  @CountsAsPageView()
  async results(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const outcome = await this.inspections.search(readInspectionParams(query));
    const page = portalPage({ title: inspectionsTitle(outcome.params), description: '双随机、一公开抽查检查结果公示查询', main: inspectionsMain(outcome), contacts: outcome.contacts, ide: this.settings.developerIde });
    await sendPage(request, reply, page, { caching: 'listing' });
  }

  @Get('plans/:planId')
  @CountsAsPageView()
  async plan(@Param('planId') planId: string, @Query('after') after: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (after !== undefined && (typeof after !== 'string' || !/^[0-9A-Z]{18}$/.test(after))) throw badInput('after must be a USCC', 'after');
    const view = await this.inspections.plan(planId, (after as string | undefined) ?? null);
    if (!view) throw new PortalNotFound();
    const page = portalPage({ title: view.plan.name, description: '双随机抽查计划的抽取结果与验证', main: inspectionPlanMain(view), contacts: view.contacts, ide: this.settings.developerIde });
    await sendPage(request, reply, page, { caching: 'entity' });
  }
}

/** The paths of these pages (credentials are not read there); the credentialed candidates.csv is not one of them. */
export function isPortalInspectionsPath(path: string): boolean {
  return path === '/inspections' || /^\/inspections\/plans\/[^/]+$/.test(path);
}
