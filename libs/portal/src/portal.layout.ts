// The frame of every portal page: header with the site's navigation, the page's own main content, and a
// footer saying where the data comes from and whom to contact for 异议 / 信用修复.
import { html, Html } from './html';
import { PORTAL_CSS_PATH } from './portal.stylesheet';

export const SITE_NAME = '信用信息公示';

export interface AuthorityContact {
  name: string;
  contact: string;
}

export interface PageFrame {
  /** The page's own title; the site name is appended. */
  title: string;
  description?: string;
  main: Html;
  /** 异议/信用修复 contacts of the authorities whose records the page shows. */
  contacts?: readonly AuthorityContact[];
  /** Whether /ide exists (development only), for the developers' links. */
  ide: boolean;
}

export function portalPage(frame: PageFrame): Html {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · ${SITE_NAME}</title>
${frame.description ? html`<meta name="description" content="${frame.description}">` : ''}
<link rel="stylesheet" href="${PORTAL_CSS_PATH}">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site"><div class="wrap">
<a class="brand" href="/">${SITE_NAME}</a>
<nav aria-label="网站导航"><ul>
<li><a href="/search">行政处罚公示查询</a></li>
<li><a href="/lists/serious-dishonesty">严重失信主体名单</a></li>
<li><a href="/inspections">抽查检查结果</a></li>
</ul></nav>
</div></header>
<main id="main" class="wrap">
${frame.main}
</main>
${footer(frame)}
</body>
</html>
`;
}

function footer(frame: PageFrame): Html {
  const contacts = frame.contacts ?? [];
  return html`<footer><div class="wrap">
<h2>数据来源</h2>
<p>本网站公示的行政处罚决定和严重失信主体名单由作出决定的行政机关依法报送，按《中华人民共和国行政处罚法》第四十八条和信用信息公示规则确定公示范围与期限；内容以各机关作出的决定书为准。自然人信息默认不公示，公示时姓名脱敏，不公示身份证件号码。</p>
<h2>异议与信用修复</h2>
<p>对公示信息有异议，或已履行义务、申请信用修复的，请联系作出决定的机关。</p>
${contacts.length > 0
    ? html`<ul class="contacts">${contacts.map((c) => html`<li><strong>${c.name}</strong>：${c.contact}</li>`)}</ul>`
    : ''}
<h2>开发者接口</h2>
<p><a href="/graphql">GraphQL 接口（/graphql）</a>${frame.ide ? html` · <a href="/ide">GraphQL IDE</a>` : ''} · <a href="/schema.graphql">接口说明（schema）</a></p>
</div></footer>`;
}
