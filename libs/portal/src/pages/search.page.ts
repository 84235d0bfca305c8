// /search: the form (query and filters in one GET form, so it works without JavaScript), the facet counts as
// links, the results with highlighted matches, and a forward pager over the service's cursors.
import { FacetBucketModel } from '@credit/disclosure';
import { PENALTY_CATEGORY_LABELS, SEVERITY_LABELS } from '@credit/domain';
import { html, Html, queryString } from '../html';
import { SearchOutcome } from '../portal.service';
import { hasFilters, SearchParams } from '../portal-search.query';
import { disclosureItem, formatCount, regionLabel, searchForm } from './fragments';

type FilterName = 'region' | 'category' | 'dept' | 'year' | 'severity';

export function searchTitle(params: SearchParams): string {
  return params.q ? `“${params.q}”的查询结果` : '行政处罚公示查询';
}

/** The current search's URL with some parameters changed (a new filter always starts again at page 1). */
function linkTo(params: SearchParams, change: Partial<Record<keyof SearchParams, string | null>>): string {
  const next: Record<string, string | null> = { q: params.q, region: params.region, category: params.category, dept: params.dept, year: params.year, severity: params.severity, uscc: params.uscc };
  return `/search${queryString({ ...next, ...change } as Record<string, string | null>)}`;
}

function select(name: FilterName, label: string, current: string | null, options: { value: string; label: string }[]): Html {
  const known = options.some((o) => o.value === current);
  return html`<label for="f-${name}">${label}
<select id="f-${name}" name="${name}">
<option value="">全部</option>
${current && !known ? html`<option value="${current}" selected>${current}</option>` : ''}
${options.map((o) => html`<option value="${o.value}"${o.value === current ? html` selected` : ''}>${o.label}</option>`)}
</select></label>`;
}

function filterFields(outcome: SearchOutcome): Html {
  const { params } = outcome;
  const facets = outcome.results?.facets;
  const bucket = (b: FacetBucketModel, label?: string | null) => ({ value: b.value, label: `${label ?? b.label ?? b.value}（${b.count}）` });
  return html`<fieldset class="filters"><legend>筛选条件</legend>
${select('region', '地区', params.region, (facets?.regions ?? []).map((b) => bucket(b, regionLabel(b.value))))}
${select('category', '处罚类别', params.category, Object.entries(PENALTY_CATEGORY_LABELS).map(([value, labels]) => ({ value, label: labels[0] })))}
${select('dept', '数据来源单位', params.dept, (facets?.departments ?? []).map((b) => bucket(b)))}
${select('year', '决定年份', params.year, (facets?.years ?? []).map((b) => bucket(b, `${b.value}年`)))}
${select('severity', '违法程度', params.severity, Object.entries(SEVERITY_LABELS).map(([value, labels]) => ({ value, label: labels[0] })))}
${params.uscc ? html`<input type="hidden" name="uscc" value="${params.uscc}">` : ''}
<div><button type="submit">应用筛选</button></div>
</fieldset>`;
}

function facetLinks(outcome: SearchOutcome): Html {
  const facets = outcome.results?.facets;
  if (!facets) return html``;
  const group = (title: string, name: FilterName, buckets: FacetBucketModel[], label: (b: FacetBucketModel) => string) =>
    buckets.length === 0 || outcome.params[name]
      ? html``
      : html`<h3>${title}</h3><ul>${buckets.slice(0, 12).map((b) => html`<li><a href="${linkTo(outcome.params, { [name]: b.value, after: null })}">${label(b)}</a>（${b.count}）</li>`)}</ul>`;
  const groups = [
    group('按地区', 'region', facets.regions, (b) => regionLabel(b.value) ?? b.value),
    group('按处罚类别', 'category', facets.categories, (b) => b.label ?? b.value),
    group('按数据来源单位', 'dept', facets.departments, (b) => b.label ?? b.value),
    group('按决定年份', 'year', facets.years, (b) => `${b.value}年`),
  ];
  return groups.some((g) => g.text) ? html`<section class="facets" aria-labelledby="facets-h"><h2 id="facets-h">分类统计</h2>${groups}</section>` : html``;
}

export function searchMain(outcome: SearchOutcome): Html {
  const { params, results, problem } = outcome;
  const filtered = hasFilters(params);
  let body: Html;
  if (problem) {
    body = html`<p class="notice" role="alert">${problem}</p>`;
  } else if (!results || results.edges.length === 0) {
    body = html`<p>没有找到${params.q ? html`与“<strong>${params.q}</strong>”相符的` : ''}公示信息${filtered ? '（已应用筛选条件）' : ''}。</p>
${filtered ? html`<p>可以<a href="${linkTo(params, { region: null, category: null, dept: null, year: null, severity: null, uscc: null })}">去掉全部筛选条件</a>再查。</p>` : ''}
${params.q ? html`<p>也可以换一个词，或只输入企业名称中的两三个字。</p>` : ''}`;
  } else {
    const next = results.pageInfo.hasNextPage && results.pageInfo.endCursor ? `${linkTo(params, {})}${params.q || filtered ? '&' : '?'}${new URLSearchParams({ after: results.pageInfo.endCursor, page: String(params.page + 1) }).toString()}` : null;
    body = html`<p>${params.q ? html`查询“<strong>${params.q}</strong>”：` : ''}${formatCount(results.totalCount, results.totalCountIsLowerBound)}${params.page > 1 ? `，第 ${params.page} 页` : ''}</p>
<ul class="results">${results.edges.map((e) => disclosureItem(e.node))}</ul>
<nav aria-label="翻页"><ul class="pager">
${params.page > 1 ? html`<li><a href="${linkTo(params, {})}">回到第一页</a></li>` : ''}
${next ? html`<li><a href="${next}" rel="next">下一页</a></li>` : ''}
</ul></nav>`;
  }
  return html`<h1>${params.q ? html`“${params.q}”的查询结果` : '行政处罚公示查询'}</h1>
${searchForm({ query: params.q, extra: filterFields(outcome) })}
${params.uscc ? html`<p>仅显示统一社会信用代码为 ${params.uscc} 的主体。<a href="/subjects/${params.uscc}">查看该主体页面</a></p>` : ''}
<section aria-labelledby="results-h"><h2 id="results-h">查询结果</h2>
${body}
</section>
${facetLinks(outcome)}`;
}
