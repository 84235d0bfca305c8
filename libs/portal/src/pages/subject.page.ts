// 主体公示页: a legal person's name, USCC, region, its published decisions, its entries on the public
// serious-dishonesty list and its published 双随机 inspection results. No credit tier (tiers are for
// regulators), no identifiers of persons.
import { regionName } from '@credit/domain';
import { html, Html } from '../html';
import { PublicListing, SubjectView } from '../portal.service';
import { disclosureItem, formatCount, listingFacts, regionLabel } from './fragments';
import { inspectionResultItem } from './inspections.page';

function listingEntry(listing: PublicListing): Html {
  return html`<li>
<h3>${listing.listTypeName}</h3>
<dl class="record">
${listingFacts(listing)}
</dl>
</li>`;
}

export function subjectMain(view: SubjectView): Html {
  const { disclosures, inspections } = view;
  // Positions 3–8 of a USCC are the registering authority's division (GB 32100-2015).
  const region = regionName(view.uscc.slice(2, 8)) ?? regionLabel(view.regionCode);
  return html`<h1>${view.name}</h1>
<dl class="record">
<dt>统一社会信用代码</dt><dd>${view.uscc}</dd>
${region ? html`<dt>地区</dt><dd>${region}</dd>` : ''}
</dl>
<section aria-labelledby="list-h"><h2 id="list-h">严重失信主体名单</h2>
${view.listings.length === 0
    ? html`<p>该主体目前不在严重失信主体名单上。</p>`
    : html`<p class="notice serious"><strong>该主体目前列入严重失信主体名单。</strong></p><ul class="results">${view.listings.map(listingEntry)}</ul>`}
</section>
<section aria-labelledby="penalties-h"><h2 id="penalties-h">行政处罚信息</h2>
${disclosures.edges.length === 0
    ? html`<p>目前没有公示中的行政处罚决定。</p>`
    : html`<p>${formatCount(disclosures.totalCount, disclosures.totalCountIsLowerBound)}</p>
<ul class="results">${disclosures.edges.map((e) => disclosureItem(e.node))}</ul>
${disclosures.pageInfo.hasNextPage ? html`<p><a href="/search?uscc=${view.uscc}">查看该主体的全部行政处罚信息</a></p>` : ''}`}
</section>
<section id="inspections" aria-labelledby="inspections-h"><h2 id="inspections-h">抽查检查结果</h2>
${inspections.edges.length === 0
    ? html`<p>目前没有公示的“双随机、一公开”抽查检查结果。</p>`
    : html`<p>${formatCount(inspections.totalCount, inspections.totalCount >= 10_000)}</p>
<ul class="results">${inspections.edges.map((e) => inspectionResultItem(e.node, { subject: false }))}</ul>
${inspections.pageInfo.hasNextPage ? html`<p><a href="/inspections?uscc=${view.uscc}">查看该主体的全部抽查检查结果</a></p>` : ''}`}
</section>`;
}
