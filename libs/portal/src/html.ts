// The portal's one way of writing HTML: a tagged template whose every interpolated value is escaped unless it is
// already Html (built by this same tag). So "every value escaped" holds by construction: a page cannot put a
// stored string into markup without going through escapeHtml.
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/**
 * A search highlight as the search service returns it: the matched text in <em>…</em>, the rest already
 * HTML-escaped (DisclosureModel.highlights). Trusted only when that is exactly what it is: any other tag or a
 * bare angle bracket means it is escaped whole instead.
 */
export function highlight(snippet: string): Html {
  const inner = snippet.replace(/<\/?em>/g, '');
  if (/[<>]/.test(inner) || /&(?!(?:amp|lt|gt|quot|#39|#x27);)/.test(inner)) return new Html(escapeHtml(snippet));
  return new Html(snippet.replace(/<em>/g, '<mark>').replace(/<\/em>/g, '</mark>'));
}

/** A query string from parameters, leaving out empty ones (values are URL-encoded, then escaped where used). */
export function queryString(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
