// Requests Fastify refuses before any route or Nest filter runs: a path with a malformed percent-encoding
// (`/subjects/%E4%B8`, FST_ERR_BAD_URL) or a failed async constraint. Fastify's default answer is its own JSON,
// which echoes the URL and carries none of the platform's error shape or the portal's headers. This handler gives
// the platform's coded error (BAD_USER_INPUT) instead, and the portal's HTML 400 page (with its CSP) to a page
// load or a portal path.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { HtmlErrorPage } from './html-error-page';
import { isPageLoad } from './html-error-page';

const MESSAGE = '请求地址无效（the request URL is not valid）';

/** Fastify's `frameworkErrors` option; `page()` is read per request (the renderer exists once the app is built). */
export function frameworkErrorHandler(page: () => HtmlErrorPage | undefined, isHtmlPath: (path: string) => boolean) {
  return (_error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const path = String(request.url).split('?')[0];
    const html = page();
    if (html && (isPageLoad(request) || isHtmlPath(path))) {
      const rendered = html.render(400, MESSAGE);
      for (const [name, value] of Object.entries(rendered.headers)) reply.header(name, value);
      void reply.code(400).send(rendered.body);
      return;
    }
    void reply.code(400).type('application/json').send({ errors: [{ message: MESSAGE, extensions: { code: 'BAD_USER_INPUT' } }] });
  };
}
