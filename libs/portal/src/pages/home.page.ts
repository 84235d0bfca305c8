import { DisclosureConnection } from '@credit/disclosure';
import { html, Html } from '../html';
import { PUBLIC_COUNT_CAP, PublicListPage } from '../portal.service';
import { disclosureItem, searchForm } from './fragments';

export function homeMain(data: { latest: DisclosureConnection; listed: PublicListPage }): Html {
  const { latest, listed } = data;
  const listedCount = listed.totalCount >= PUBLIC_COUNT_CAP ? `${PUBLIC_COUNT_CAP} 条以上` : `${listed.totalCount} 条`;
  return html`<h1>信用信息公示</h1>
${searchForm({ query: null })}
<p>本网站公示行政机关依法作出的行政处罚决定（“双公示”）和严重失信主体名单，供公众查询。哪些决定公示、公示多久，按处罚决定日期适用的公示规则确定；公示期满或信用修复后停止公示，决定被撤销的改为公示撤回说明。</p>
<h2>公示概况</h2>
<ul class="counts">
<li><strong>${latest.totalCountIsLowerBound ? `${latest.totalCount} 条以上` : `${latest.totalCount} 条`}</strong>正在公示的行政处罚决定</li>
<li><strong>${listedCount}</strong>严重失信主体名单在列条目 · <a href="/lists/serious-dishonesty">查看名单</a></li>
</ul>
<h2>最新公示</h2>
${latest.edges.length === 0
    ? html`<p>暂无公示的行政处罚决定。</p>`
    : html`<ul class="results">${latest.edges.map((e) => disclosureItem(e.node))}</ul>
<p><a href="/search">查看全部行政处罚公示</a></p>`}`;
}
