// Error pages in Chinese. A 404 never says why (never seen, not published, no longer published, malformed):
// one page for all of them, so no page is an existence oracle.
import { html, Html } from '../html';

export interface ErrorView {
  title: string;
  main: Html;
}

export function errorView(status: number, message: string | null, retryAfterSeconds?: number): ErrorView {
  if (status === 404) {
    return {
      title: '未找到',
      main: html`<h1>未找到</h1>
<p>没有找到您要访问的页面或公示信息。信息可能未予公示、已过公示期，或链接有误。</p>
<p><a href="/search">查询行政处罚公示</a> · <a href="/lists/serious-dishonesty">查看严重失信主体名单</a> · <a href="/">返回首页</a></p>`,
    };
  }
  if (status === 429) {
    return {
      title: '访问过于频繁',
      main: html`<h1>访问过于频繁</h1>
<p>您的访问次数超过了每分钟的上限${retryAfterSeconds ? `，请 ${retryAfterSeconds} 秒后再试` : '，请稍后再试'}。</p>
<p><a href="/">返回首页</a></p>`,
    };
  }
  if (status === 400) {
    return { title: '请求有误', main: html`<h1>请求有误</h1><p>${message ?? '请求的参数有误。'}</p><p><a href="/search">重新查询</a> · <a href="/">返回首页</a></p>` };
  }
  if (status === 503) {
    return { title: '暂不可用', main: html`<h1>暂不可用</h1><p>${message ?? '服务暂不可用，请稍后再试。'}</p><p><a href="/">返回首页</a></p>` };
  }
  return { title: '服务器内部错误', main: html`<h1>服务器内部错误</h1><p>页面暂时无法显示，请稍后再试。</p><p><a href="/">返回首页</a></p>` };
}
