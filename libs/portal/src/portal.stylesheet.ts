// The portal's one stylesheet, served at a content-hashed URL (immutable caching) and allowed by the CSP as
// 'self'. Mobile first: one column, widened from 48rem. Colours keep ≥ 4.5:1 contrast on their backgrounds
// (text #1a1a1a / #4a4a4a on white, links #0a58a8, white on #8c1c13).
import { createHash } from 'node:crypto';

export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif;font-size:1rem;line-height:1.65;color:#1a1a1a;background:#fff}
a{color:#0a58a8}
a:hover{color:#063d75}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #d9480f;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem;z-index:2}
.skip:focus{left:.5rem}
.site{background:#8c1c13;color:#fff}
.site .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;padding-top:.6rem;padding-bottom:.6rem}
.site a{color:#fff;text-decoration:none}
.site a:hover,.site a:focus{text-decoration:underline}
.brand{font-weight:700;font-size:1.1rem;margin-right:auto}
.site nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
main{padding-top:1rem;padding-bottom:2rem}
h1{font-size:1.45rem;line-height:1.3;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .6rem}
h3{font-size:1.05rem;margin:0 0 .3rem}
.muted{color:#4a4a4a}
.search{display:flex;flex-wrap:wrap;align-items:flex-start;gap:.5rem;margin:0 0 1rem}
.search label{flex-basis:100%;font-weight:600}
.search input[type=search]{flex:1 1 12rem;min-width:0;font:inherit;padding:.55rem .7rem;border:2px solid #5a5a5a;border-radius:4px}
button{font:inherit;padding:.55rem 1.1rem;border:0;border-radius:4px;background:#8c1c13;color:#fff;cursor:pointer}
button:hover{background:#6d150e}
.filters{flex-basis:100%;display:grid;gap:.6rem;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));margin:0 0 1rem;padding:.8rem;border:1px solid #c8c8c8;border-radius:4px}
.filters legend{font-weight:600;padding:0 .3rem}
.filters label{display:block;font-size:.95rem}
.filters select{width:100%;font:inherit;padding:.35rem;border:1px solid #5a5a5a;border-radius:4px;background:#fff;color:#1a1a1a}
.counts{display:grid;gap:.6rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));margin:1rem 0;padding:0;list-style:none}
.counts li{border:1px solid #c8c8c8;border-radius:4px;padding:.7rem}
.counts strong{display:block;font-size:1.5rem}
.results{list-style:none;margin:0;padding:0}
.results>li{border-top:1px solid #d6d6d6;padding:.8rem 0}
.results p{margin:.2rem 0}
mark{background:#ffe58a;color:#1a1a1a;padding:0 .1em}
.tags{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;margin:.3rem 0;padding:0}
.tags li{border:1px solid #8a8a8a;border-radius:3px;padding:0 .35rem;font-size:.9rem}
.facets{margin:0 0 1rem}
.facets h2{font-size:1rem;margin:.8rem 0 .3rem}
.facets ul{display:flex;flex-wrap:wrap;gap:.3rem .9rem;list-style:none;margin:0;padding:0}
dl.record{display:grid;grid-template-columns:1fr;gap:.15rem 1rem;margin:0}
dl.record dt{font-weight:600;color:#4a4a4a;margin-top:.5rem}
dl.record dd{margin:0;overflow-wrap:anywhere}
.notice{border-left:4px solid #b35c00;background:#fff6e5;padding:.7rem 1rem;margin:1rem 0}
.notice.serious{border-color:#8c1c13;background:#fdeeee}
.pager{display:flex;flex-wrap:wrap;gap:1rem;margin:1.2rem 0;padding:0;list-style:none}
.contacts{list-style:none;padding:0;margin:.3rem 0}
footer{background:#f2f2f2;color:#2b2b2b;border-top:1px solid #d6d6d6;font-size:.95rem}
footer .wrap{padding-top:1rem;padding-bottom:1.5rem}
footer h2{font-size:1rem;margin:.8rem 0 .3rem}
footer p{margin:.3rem 0}
.reserved{border:1px dashed #8a8a8a;padding:.7rem 1rem;border-radius:4px}
.notice.ok{border-color:#1e6b34;background:#ecf7ef}
.filters input{width:100%;font:inherit;padding:.35rem;border:1px solid #5a5a5a;border-radius:4px}
code{font-family:ui-monospace,monospace;font-size:.9rem;overflow-wrap:anywhere;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:left;padding-bottom:.3rem}
th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}
@media (min-width:48rem){
  h1{font-size:1.7rem}
  dl.record{grid-template-columns:11rem 1fr}
  dl.record dt{margin-top:0}
  .layout{display:grid;grid-template-columns:14rem 1fr;gap:1.5rem}
}
@media print{
  .site nav,.search,.filters,.facets,.pager,.skip{display:none}
  .site{background:none;color:#000}
  .site a{color:#000}
  a{color:#000;text-decoration:none}
  footer{background:none}
}
`.trim();

export const PORTAL_CSS_PATH = `/assets/portal-${createHash('sha256').update(PORTAL_CSS).digest('hex').slice(0, 12)}.css`;
