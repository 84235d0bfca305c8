// The public portal's pages (信用信息公示): plain GET routes answering complete HTML. Public (anyone), each page
// view spends the caller's anonymous rate-limit budget (@CountsAsPageView), and errors render as HTML pages
// (PortalExceptionFilter). Credentials are not read on these paths (create-api.ts): every visitor is anonymous.
import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badInput, CountsAsPageView, Public } from '@credit/common';
import { disclosureMain, disclosureTitle } from './pages/disclosure.page';
import { homeMain } from './pages/home.page';
import { listMain } from './pages/list.page';
import { searchMain, searchTitle } from './pages/search.page';
import { subjectMain } from './pages/subject.page';
import { PortalExceptionFilter, PortalNotFound } from './portal-exception.filter';
import { isPortalInspectionsPath } from './portal-inspections.controller';
import { readSearchParams } from './portal-search.query';
import { portalPage } from './portal.layout';
import { securityHeaders, sendPage } from './portal.http';
import { PortalService } from './portal.service';
import { PortalSettings } from './portal.settings';
import { PORTAL_CSS, PORTAL_CSS_PATH } from './portal.stylesheet';

/** The public list's query is at most 50 characters (PublicListArgs), its cursor at most 512. */
const LIST_QUERY_MAX = 50;

@Controller()
@Public()
@UseFilters(PortalExceptionFilter)
export class PortalController {
  constructor(
    private readonly portal: PortalService,
    private readonly settings: PortalSettings,
  ) {}

  @Get()
  @CountsAsPageView()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const data = await this.portal.home();
    const main = homeMain(data);
    await sendPage(request, reply, portalPage({ title: '首页', description: '行政处罚决定和严重失信主体名单公示查询', main, contacts: data.contacts, ide: this.settings.developerIde }), { caching: 'listing' });
  }

  @Get('search')
  @CountsAsPageView()
  async search(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const outcome = await this.portal.search(readSearchParams(query));
    const page = portalPage({ title: searchTitle(outcome.params), main: searchMain(outcome), contacts: outcome.contacts, ide: this.settings.developerIde });
    await sendPage(request, reply, page, { caching: 'listing' });
  }

  @Get('disclosures/:id')
  @CountsAsPageView()
  async disclosure(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const found = await this.portal.disclosure(id);
    if (!found) throw new PortalNotFound();
    const page = portalPage({ title: disclosureTitle(found.disclosure), main: disclosureMain(found.disclosure), contacts: found.contacts, ide: this.settings.developerIde });
    await sendPage(request, reply, page, { caching: 'entity' });
  }

  @Get('subjects/:uscc')
  @CountsAsPageView()
  async subject(@Param('uscc') uscc: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.portal.subject(uscc);
    if (!view) throw new PortalNotFound();
    await sendPage(request, reply, portalPage({ title: view.name, main: subjectMain(view), contacts: view.contacts, ide: this.settings.developerIde }), { caching: 'entity' });
  }

  @Get('lists/serious-dishonesty')
  @CountsAsPageView()
  async seriousDishonestyList(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const params = readSearchParams({ page: query.page, after: query.after, q: query.q });
    if (params.q && params.q.length > LIST_QUERY_MAX) throw badInput(`查询词不超过${LIST_QUERY_MAX}个字（the query may have at most ${LIST_QUERY_MAX} characters）`, 'q');
    if (params.after && params.after.length > 512) throw badInput('after is not a cursor', 'after');
    const { page, contacts } = await this.portal.seriousDishonestyList(params.q, params.after);
    const title = params.q ? `严重失信主体名单：“${params.q}”` : '严重失信主体名单';
    await sendPage(request, reply, portalPage({ title, main: listMain(params.q, page, params.page), contacts, ide: this.settings.developerIde }), { caching: 'listing' });
  }

  /** The one stylesheet, at a content-hashed address: cached for a year, a new build gets a new address. */
  @Get(PORTAL_CSS_PATH)
  stylesheet(@Res() reply: FastifyReply): void {
    void securityHeaders(reply).header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(PORTAL_CSS);
  }
}

/** Paths served by the portal: credentials are not read there (everyone sees the anonymous view). */
export function isPortalPath(path: string): boolean {
  return path === '/' || path === '/search' || path === '/lists/serious-dishonesty' || path === PORTAL_CSS_PATH || /^\/(disclosures|subjects)\/[^/]+$/.test(path) || isPortalInspectionsPath(path);
}
