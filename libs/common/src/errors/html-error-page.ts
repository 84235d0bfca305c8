// A browser that loads a page which does not exist (or fails) should see a page, not JSON. The public portal
// provides this renderer (libs/portal); the global exception filter uses it for page loads outside /graphql,
// and keeps answering JSON to every other caller.

export const HTML_ERROR_PAGE = Symbol('HTML_ERROR_PAGE');

export interface HtmlErrorPage {
  /** The complete page and the headers it needs (CSP, caching …) for this status. */
  render(status: number, message: string | null, retryAfterSeconds?: number): { body: string; headers: Record<string, string> };
}

/** A page load: GET or HEAD from a client that asks for HTML (browsers send Accept: text/html,…). */
export function isPageLoad(request: { method?: string; headers?: Record<string, string | string[] | undefined> }): boolean {
  const accept = request.headers?.accept;
  return (request.method === 'GET' || request.method === 'HEAD') && typeof accept === 'string' && accept.includes('text/html');
}
