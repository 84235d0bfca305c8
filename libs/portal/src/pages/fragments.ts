// Pieces several pages share: the search form, one disclosure in a result list, labels for codes.
import { DisclosureModel } from '@credit/disclosure';
import { PENALTY_CATEGORY_LABELS, PenaltyCategory, regionName } from '@credit/domain';
import { highlight, html, Html } from '../html';
import type { PublicListing } from '../portal.service';

export function searchForm(options: { query: string | null; heading?: boolean; extra?: Html }): Html {
  return html`<form class="search" action="/search" method="get" role="search">
<label for="q">查询行政处罚信息（企业名称、统一社会信用代码或违法行为，至少两个字）</label>
<input id="q" name="q" type="search" maxlength="100" value="${options.query ?? ''}" autocomplete="off">
<button type="submit">查询</button>
${options.extra ?? ''}
</form>`;
}

export function categoryLabel(category: string): string {
  return PENALTY_CATEGORY_LABELS[category as PenaltyCategory]?.[0] ?? category;
}

export function regionLabel(code: string | null): string | null {
  if (!code) return null;
  return regionName(code) ?? code;
}

/** 万元 amounts as exact decimal strings (never floats). */
export function amount(value: string | null): string | null {
  return value === null ? null : `${value} 万元`;
}

export function formatCount(count: number, lowerBound: boolean): string {
  return lowerBound ? `约 ${count} 条以上` : `共 ${count} 条`;
}

/** One decision in a list: who, what, which authority, when; the matched snippets when there was a query. */
export function disclosureItem(d: DisclosureModel, headingLevel: 'h2' | 'h3' = 'h3'): Html {
  const title = html`<a href="/disclosures/${d.id}">${d.highlights.length > 0 && /<em>/.test(d.highlights[0]) && d.highlights[0].replace(/<\/?em>/g, '') === escapeText(d.partyName) ? highlight(d.highlights[0]) : d.partyName}</a>`;
  const heading = headingLevel === 'h2' ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`;
  const snippets = d.highlights.filter((h) => h.replace(/<\/?em>/g, '') !== escapeText(d.partyName));
  return html`<li>
${heading}
${d.withdrawal ? html`<p class="notice"><strong>已撤回：</strong>该处罚决定已于 ${d.withdrawal.withdrawnOn} 撤回。</p>` : ''}
<p class="muted">${d.decisionNumber} · ${d.authorityName} · 决定日期 ${d.decisionDate}${d.uscc ? html` · 统一社会信用代码 ${d.uscc}` : ''}</p>
${d.withdrawal ? '' : html`<p>${d.violationType}</p>`}
${snippets.length > 0 ? html`<p>${snippets.map((s, i) => html`${i > 0 ? ' … ' : ''}${highlight(s)}`)}</p>` : ''}
${d.penaltyCategories.length > 0 ? html`<ul class="tags" aria-label="处罚类别">${d.penaltyCategories.map((c) => html`<li>${categoryLabel(c)}</li>`)}</ul>` : ''}
</li>`;
}

/** The text as the search service escapes it in highlights, to compare a snippet with a field. */
function escapeText(text: string): string {
  return html`${text}`.text;
}

/** The stated facts of one entry on the serious-dishonesty list (reasons, basis, measures, removal, remedies). */
export function listingFacts(listing: PublicListing): Html {
  const row = (label: string, value: string | null) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
  return html`${row('列入决定文书号', listing.decisionDocumentNumber)}
${row('列入机关', listing.designatingDepartment)}
${row('列入事由', listing.reasons)}
${row('列入依据', listing.legalBasis)}
${row('惩戒措施', listing.punishmentNotice)}
${row('移出条件和程序', listing.removalConditions)}
${row('救济措施', listing.remedies)}
${row('列入日期', listing.listedAt)}
${row('有效期至', listing.expiresAt)}`;
}
