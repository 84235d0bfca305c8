// 严重失信主体名单公示: the public list, searchable by name or USCC, newest first, paged forward.
import { html, Html, queryString } from '../html';
import { PUBLIC_COUNT_CAP, PublicListing, PublicListPage } from '../portal.service';
import { listingFacts } from './fragments';

function entry(listing: PublicListing): Html {
  const row = (label: string, value: string | Html | null) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
  return html`<li>
<h3>${listing.name}</h3>
<dl class="record">
${row('统一社会信用代码', listing.uscc ? html`<a href="/subjects/${listing.uscc}">${listing.uscc}</a>` : null)}
${row('名单类型', listing.listTypeName)}
${listingFacts(listing)}
</dl>
</li>`;
}

export function listMain(query: string | null, page: PublicListPage, pageNumber: number): Html {
  const total = page.totalCount >= PUBLIC_COUNT_CAP ? `${PUBLIC_COUNT_CAP} 条以上` : `共 ${page.totalCount} 条`;
  const next = page.pageInfo.hasNextPage && page.pageInfo.endCursor
    ? `/lists/serious-dishonesty${queryString({ q: query, after: page.pageInfo.endCursor, page: String(pageNumber + 1) })}`
    : null;
  return html`<h1>严重失信主体名单</h1>
<p>在列且处于有效期内的严重失信主体，按列入日期从新到旧排列。自然人姓名脱敏显示，不公示证件号码。</p>
<form class="search" action="/lists/serious-dishonesty" method="get" role="search">
<label for="lq">按名称或统一社会信用代码查询</label>
<input id="lq" name="q" type="search" maxlength="50" value="${query ?? ''}" autocomplete="off">
<button type="submit">查询</button>
</form>
<section aria-labelledby="entries-h"><h2 id="entries-h">名单</h2>
${page.edges.length === 0
    ? html`<p>${query ? html`没有找到与“<strong>${query}</strong>”相符的在列主体。` : '名单上目前没有在列主体。'}</p>`
    : html`<p>${query ? html`查询“<strong>${query}</strong>”：` : ''}${total}${pageNumber > 1 ? `，第 ${pageNumber} 页` : ''}</p>
<ul class="results">${page.edges.map((e) => entry(e.node))}</ul>`}
<nav aria-label="翻页"><ul class="pager">
${pageNumber > 1 ? html`<li><a href="/lists/serious-dishonesty${queryString({ q: query })}">回到第一页</a></li>` : ''}
${next ? html`<li><a href="${next}" rel="next">下一页</a></li>` : ''}
</ul></nav>
</section>`;
}
