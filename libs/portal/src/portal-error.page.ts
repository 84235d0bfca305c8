import { Injectable } from '@nestjs/common';
import { HtmlErrorPage } from '@credit/common';
import { errorView } from './pages/error.page';
import { portalPage } from './portal.layout';
import { SECURITY_HEADERS } from './portal.http';
import { PortalSettings } from './portal.settings';

/**
 * The portal's error pages (Chinese, the site's frame and headers), for its own routes (PortalExceptionFilter)
 * and, through HTML_ERROR_PAGE, for any page load the API's global filter answers (a browser opening /nope).
 */
@Injectable()
export class PortalErrorPage implements HtmlErrorPage {
  constructor(private readonly settings: PortalSettings) {}

  render(status: number, message: string | null, retryAfterSeconds?: number): { body: string; headers: Record<string, string> } {
    const view = errorView(status, status >= 500 ? null : message, retryAfterSeconds);
    const body = portalPage({ title: view.title, main: view.main, ide: this.settings.developerIde }).text;
    return {
      body,
      headers: {
        ...SECURITY_HEADERS,
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...(retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {}),
      },
    };
  }
}
