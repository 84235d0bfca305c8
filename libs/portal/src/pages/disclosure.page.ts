// 一条行政处罚决定: every public field of the 双公示 item set, the publication window and the rule that set it;
// a withdrawal notice instead of the content when the decision was revoked. Print-friendly (portal.stylesheet).
import { DisclosureModel } from '@credit/disclosure';
import { ruleSetInForce, WITHDRAWAL_NOTICE_RULE } from '@credit/domain';
import { html, Html } from '../html';
import { amount, categoryLabel, regionLabel } from './fragments';

function row(label: string, value: string | Html | null): Html {
  return value === null || value === '' ? html`` : html`<dt>${label}</dt><dd>${value}</dd>`;
}

/** The title of the publication rule in force on the decision date (disclosure-rule-sets.data.ts). */
function ruleTitle(decisionDate: string): string | null {
  try {
    return ruleSetInForce(decisionDate).title;
  } catch {
    return null;
  }
}

export function disclosureTitle(d: DisclosureModel): string {
  return d.withdrawal ? `行政处罚决定撤回说明：${d.decisionNumber}` : `行政处罚决定：${d.partyName}`;
}

export function disclosureMain(d: DisclosureModel): Html {
  const subject = d.uscc ? html`<a href="/subjects/${d.uscc}">${d.uscc}</a>` : null;
  if (d.withdrawal) {
    return html`<h1>${disclosureTitle(d)}</h1>
<div class="notice serious" role="note">
<p><strong>该行政处罚决定已撤回。</strong>作出决定的机关于 ${d.withdrawal.withdrawnOn} 撤回了该决定的公示信息。</p>
<p>撤回理由：${d.withdrawal.reason}</p>
<p class="muted">依据：${WITHDRAWAL_NOTICE_RULE.citation}（公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回行政处罚决定信息并公开说明理由）。撤回说明公示至 ${d.publishedUntil}。</p>
</div>
<dl class="record">
${row('行政相对人名称', d.partyName)}
${row('统一社会信用代码', subject)}
${row('行政处罚决定书文号', d.decisionNumber)}
${row('处罚机关', d.authorityName)}
${row('处罚决定日期', d.decisionDate)}
</dl>`;
  }
  const rule = ruleTitle(d.decisionDate);
  return html`<h1>${disclosureTitle(d)}</h1>
<dl class="record">
${row('行政相对人名称', d.partyName)}
${row('统一社会信用代码', subject)}
${row('法定代表人', d.legalRepresentative)}
${row('行政处罚决定书文号', d.decisionNumber)}
${row('违法行为类型', d.violationType)}
${row('违法事实', d.violationFacts)}
${row('处罚依据', d.legalBasis)}
${row('处罚类别', d.penaltyCategories.map(categoryLabel).join('、'))}
${row('处罚内容', d.penaltyContent)}
${row('罚款金额', amount(d.fineAmount))}
${row('没收违法所得、没收非法财物的金额', amount(d.confiscatedAmount))}
${row('处罚决定日期', d.decisionDate)}
${row('处罚机关', d.authorityName)}
${row('数据来源单位', d.departmentName)}
${row('地区', regionLabel(d.regionCode))}
${row('公示期', html`公示期至 ${d.publishedUntil}`)}
${row('公示规则', rule ? html`${rule}（按处罚决定日期适用的规则确定公示期限）` : null)}
</dl>
${d.uscc ? html`<p><a href="/subjects/${d.uscc}">查看该主体的全部公示信息</a></p>` : ''}`;
}
