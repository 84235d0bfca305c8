// /inspections/plans/{id}: the public page of a drawn 双随机 plan. What was planned (name, year, region,
// executing departments, items with their legal basis), how the draw is proven (commitment published before,
// seed revealed at the draw, hash of the frozen candidate list, counts per tier stratum), whom it selected, and
// the server's verdict from re-running the draw. No candidate list: it carries every subject's risk tier (see
// public-inspection-plan.service.ts in libs/inspections); the selection is in USCC order, without tier or rank,
// and not linked: a selected subject has a public page only once it has published information (its result).
import { InspectionPlanView } from '../portal-inspections.service';
import { html, Html, queryString } from '../html';
import { regionLabel } from './fragments';

const CHECK_NAMES: Record<string, string> = {
  drawn: '已抽取',
  'seed commitment': '随机种子与事先公布的承诺值一致（SHA-256）',
  'candidate list': '冻结的候选名单与其哈希值一致',
  strata: '各档抽取数量符合抽查比例',
  selection: '重新计算的抽取结果与公示的检查对象一致',
  draw: '重新抽取',
};

const STATUS_LABELS: Record<string, string> = { DRAWN: '已抽取', ASSIGNED: '已选派检查人员', COMPLETED: '已完成' };

function verdict(view: InspectionPlanView): Html {
  const { verdict: outcome } = view;
  if (!outcome.complete) {
    return html`<p class="notice ${outcome.commitmentMatches ? '' : 'serious'}" role="status"><strong>随机种子与事先公布的承诺值${outcome.commitmentMatches ? '一致' : '不一致'}</strong>。</p>
<p>本计划候选主体 ${outcome.candidates} 个，网站不在页面访问时重新抽取全部名单；完整验证（候选名单哈希、各档数量、每个检查对象）由监管部门和检查实施机关使用 <code>inspections:verify-draw</code> 命令进行。</p>`;
  }
  const result = outcome.verification;
  if (!result) return html`<p class="notice">暂时无法验证。</p>`;
  return html`<p class="notice ${result.matches ? 'ok' : 'serious'}" role="status"><strong>验证结论：${result.matches ? '一致' : '不一致'}</strong>${result.matches
    ? '。按公布的随机种子和冻结的候选名单重新抽取，得到的检查对象与公示的完全相同。'
    : '。重新抽取的结果与记录不符，请向实施机关反映。'}</p>
<ul>${result.checks.map((c) => html`<li>${c.ok ? '✓ 通过' : '✗ 未通过'}：${CHECK_NAMES[c.name] ?? c.name}</li>`)}</ul>`;
}

function selection(view: InspectionPlanView): Html {
  const { selection: page, plan } = view;
  const next = page.nextAfter ? `/inspections/plans/${plan.id}${queryString({ after: page.nextAfter })}` : null;
  return html`<p>共抽取 ${page.total} 个检查对象，按统一社会信用代码排列${view.after ? '（续页）' : ''}。${page.hidden > 0 ? `本页另有 ${page.hidden} 名自然人依规不予公示。` : ''}</p>
${page.subjects.length > 0
    ? html`<ul class="results">${page.subjects.map((s) => html`<li>${s.name}${s.uscc ? html` <span class="muted">${s.uscc}</span>` : ''}</li>`)}</ul>`
    : ''}
${view.after || next
    ? html`<nav aria-label="翻页"><ul class="pager">
${view.after ? html`<li><a href="/inspections/plans/${plan.id}">回到第一页</a></li>` : ''}
${next ? html`<li><a href="${next}" rel="next">下一页</a></li>` : ''}
</ul></nav>`
    : ''}`;
}

export function inspectionPlanMain(view: InspectionPlanView): Html {
  const { plan } = view;
  const row = (label: string, value: string | Html | null) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
  return html`<h1>${plan.name}</h1>
<dl class="record">
${row('计划年度', `${plan.year} 年`)}
${row('抽查范围', regionLabel(plan.regionCode))}
${row('检查实施机关', plan.departments.map((d) => d.name).join('、'))}
${row('计划检查期间', `${plan.plannedStart} 至 ${plan.plannedEnd}`)}
${row('状态', STATUS_LABELS[plan.status] ?? plan.status)}
${row('抽取日期', plan.drawDay)}
${row('完成日期', plan.completedOn)}
</dl>
<section aria-labelledby="items-h"><h2 id="items-h">检查事项</h2>
<ul>${plan.items.map((i) => html`<li><strong>${i.name}</strong><br><span class="muted">检查依据：${i.legalBasis}</span></li>`)}</ul>
</section>
<section aria-labelledby="verify-h"><h2 id="verify-h">验证抽取结果</h2>
${verdict(view)}
<dl class="record">
${row('种子承诺值（发布计划时公布）', html`<code>${plan.seedCommitment}</code>`)}
${row('随机种子（抽取时公开）', html`<code>${plan.seed}</code>`)}
${row('候选名单哈希值', html`<code>${plan.candidateListHash}</code>`)}
${row('候选主体数', String(plan.candidateCount))}
</dl>
<p class="muted">抽取规则：在每个信用风险分类档内，计算 SHA-256(随机种子 ‖ 统一社会信用代码)，取值最小的主体入选，直至达到该档的抽取数量；结果与名单顺序无关。随机种子在计划发布时只公布其 SHA-256 承诺值，抽取时才公开，任何人都可以核对二者。候选名单含各主体的信用风险分类，属于监管内部信息，不向社会公开；由本平台按上述规则重新抽取并给出验证结论，监管部门和检查实施机关可导出名单自行复核。</p>
</section>
<section aria-labelledby="strata-h"><h2 id="strata-h">分档抽取情况</h2>
${strataTable(plan)}
</section>
<section aria-labelledby="selected-h"><h2 id="selected-h">抽取的检查对象</h2>
${selection(view)}
</section>`;
}

const bound = (s: { minCount: number | null; maxCount: number | null }) =>
  [s.minCount !== null ? `不少于 ${s.minCount}` : '', s.maxCount !== null ? `不多于 ${s.maxCount}` : ''].filter(Boolean).join('，') || '—';

/** The per-tier table, or why it is not shown (one tier drawn: the table would disclose each subject's tier). */
function strataTable(plan: InspectionPlanView['plan']): Html {
  if (plan.strata.length === 0) {
    return html`<p>本计划只在一个信用风险分类档内抽取到检查对象，公开分档数据将披露入选主体的信用风险分类（监管内部信息），故不公开分档数据；上方的验证结论已由本平台按全部分档数据核对。</p>`;
  }
  return html`<table>
<caption class="muted">按信用风险分类（A 低风险 … D 高风险）分档抽取</caption>
<thead><tr><th scope="col">分类</th><th scope="col">抽查比例</th><th scope="col">数量限制</th><th scope="col">候选数</th><th scope="col">抽取数</th></tr></thead>
<tbody>${plan.strata.map((s) => html`<tr><th scope="row">${s.tier} 类</th><td>${s.ratioPercent}%</td><td>${bound(s)}</td><td>${s.candidates}</td><td>${s.drawn}${s.shortfall > 0 ? `（不足下限 ${s.shortfall}）` : ''}</td></tr>`)}</tbody>
</table>`;
}
