// /inspections: 双随机、一公开 published inspection results (抽查检查结果公示), one GET form (words, region,
// plan year, result category) so it works without JavaScript, newest inspection first, paged forward. The
// result item is shared with the subject page's 抽查检查结果 section.
import { INSPECTION_RESULT_CATEGORIES, REGION_NAMES } from '@credit/domain';
import { PublicInspectionResultModel } from '@credit/inspections';
import { html, Html, queryString } from '../html';
import { hasInspectionFilters, InspectionSearchParams } from '../portal-inspections.query';
import { InspectionSearchOutcome } from '../portal-inspections.service';
import { formatCount } from './fragments';

/** One published result: who was inspected, under which plan, by whom, with what outcome and when. */
export function inspectionResultItem(r: PublicInspectionResultModel, options: { subject: boolean } = { subject: true }): Html {
  const row = (label: string, value: string | Html | null) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
  const plan = html`<a href="/inspections/plans/${r.planId}">${r.planName}</a>`;
  // On the subject's own page the plan names the item; elsewhere the subject does, linking to its page.
  const heading = options.subject ? html`<h3>${r.uscc ? html`<a href="/subjects/${r.uscc}">${r.subjectName}</a>` : r.subjectName}</h3>` : html`<h3>${plan}</h3>`;
  return html`<li>
${heading}
<ul class="tags" aria-label="检查结果"><li>${r.categoryLabel}</li></ul>
<dl class="record">
${options.subject ? row('统一社会信用代码', r.uscc) : ''}
${options.subject ? row('抽查计划', plan) : ''}
${row('检查实施机关', r.departmentNames)}
${row('检查情况', r.findings)}
${row('检查日期', r.inspectedOn)}
${row('公示日期', r.publishedOn)}
</dl>
</li>`;
}

export function inspectionsTitle(params: InspectionSearchParams): string {
  return params.q ? `“${params.q}”的抽查检查结果` : '抽查检查结果公示';
}

function linkTo(params: InspectionSearchParams, change: Partial<Record<keyof InspectionSearchParams, string | null>>): string {
  const next: Record<string, string | null> = { q: params.q, region: params.region, year: params.year, category: params.category, uscc: params.uscc };
  return `/inspections${queryString({ ...next, ...change } as Record<string, string | null>)}`;
}

function select(name: 'region' | 'category', label: string, current: string | null, options: { value: string; label: string }[]): Html {
  const known = options.some((o) => o.value === current);
  return html`<label for="i-${name}">${label}
<select id="i-${name}" name="${name}">
<option value="">全部</option>
${current && !known ? html`<option value="${current}" selected>${current}</option>` : ''}
${options.map((o) => html`<option value="${o.value}"${o.value === current ? html` selected` : ''}>${o.label}</option>`)}
</select></label>`;
}

function form(params: InspectionSearchParams): Html {
  return html`<form class="search" action="/inspections" method="get" role="search">
<label for="iq">查询抽查检查结果（企业名称、抽查计划名称或检查情况，至少两个字）</label>
<input id="iq" name="q" type="search" maxlength="100" value="${params.q ?? ''}" autocomplete="off">
<button type="submit">查询</button>
<fieldset class="filters"><legend>筛选条件</legend>
${select('region', '地区', params.region, Object.entries(REGION_NAMES).filter(([code]) => code !== '100000').map(([value, label]) => ({ value, label })))}
<label for="i-year">计划年度
<input id="i-year" name="year" type="text" inputmode="numeric" maxlength="4" placeholder="例如 2026" value="${params.year ?? ''}"></label>
${select('category', '检查结果', params.category, INSPECTION_RESULT_CATEGORIES.map((c) => ({ value: c.category, label: c.labelZh })))}
${params.uscc ? html`<input type="hidden" name="uscc" value="${params.uscc}">` : ''}
<div><button type="submit">应用筛选</button></div>
</fieldset>
</form>`;
}

export function inspectionsMain(outcome: InspectionSearchOutcome): Html {
  const { params, results, problem } = outcome;
  const filtered = hasInspectionFilters(params);
  let body: Html;
  if (problem) {
    body = html`<p class="notice" role="alert">${problem}</p>`;
  } else if (!results || results.edges.length === 0) {
    body = html`<p>没有找到${params.q ? html`与“<strong>${params.q}</strong>”相符的` : ''}已公示的抽查检查结果${filtered ? '（已应用筛选条件）' : ''}。</p>
${filtered ? html`<p>可以<a href="${linkTo(params, { region: null, year: null, category: null, uscc: null })}">去掉全部筛选条件</a>再查。</p>` : ''}`;
  } else {
    const next = results.pageInfo.hasNextPage && results.pageInfo.endCursor ? linkTo(params, { after: results.pageInfo.endCursor, page: String(params.page + 1) }) : null;
    body = html`<p>${params.q ? html`查询“<strong>${params.q}</strong>”：` : ''}${formatCount(results.totalCount, results.totalCount >= 10_000)}${params.page > 1 ? `，第 ${params.page} 页` : ''}</p>
<ul class="results">${results.edges.map((e) => inspectionResultItem(e.node))}</ul>
<nav aria-label="翻页"><ul class="pager">
${params.page > 1 ? html`<li><a href="${linkTo(params, {})}">回到第一页</a></li>` : ''}
${next ? html`<li><a href="${next}" rel="next">下一页</a></li>` : ''}
</ul></nav>`;
  }
  return html`<h1>${inspectionsTitle(params)}</h1>
<p>“双随机、一公开”监管：随机抽取检查对象、随机选派执法检查人员，抽查情况和查处结果及时向社会公开。本页公示已完成公示程序的抽查检查结果，按检查日期从新到旧排列；自然人信息不公示证件号码。</p>
${form(params)}
${params.uscc ? html`<p>仅显示统一社会信用代码为 ${params.uscc} 的主体。<a href="/subjects/${params.uscc}">查看该主体页面</a></p>` : ''}
<section aria-labelledby="results-h"><h2 id="results-h">查询结果</h2>
${body}
</section>`;
}
