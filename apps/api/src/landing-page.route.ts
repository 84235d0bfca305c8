// GET /: what this service is and where to go next, in Chinese and English. A stand-in until the public portal
// (DESIGN §8) takes this address over: replacing it means replacing this one file and its one call in
// create-api.ts. A plain Fastify route with no script and nothing read from the request.
import type { FastifyInstance } from 'fastify';

// No script at all; the one <style> element is the page's own.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function landingPage(options: { ide: boolean }): string {
  const ide = options.ide
    ? `<li><a href="/ide">GraphQL IDE</a>：在浏览器中编写并运行查询，仅开发环境提供（write and run queries in the browser; development only）</li>\n`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>信用信息与联合惩戒平台 · Credit information and joint-punishment platform</title>
<style>body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; } code { background: #f3f3f3; padding: 0 .2em; }</style>
</head>
<body>
<h1>信用信息与联合惩戒平台<br><small>Credit information and joint-punishment platform</small></h1>
<p>本服务是平台的 GraphQL 接口：各部门报送行政处罚信息并在办理业务前核查联合惩戒对象，监管人员查看主体的信用等级与名单，公众查询公示的行政处罚信息和严重失信主体名单。</p>
<p>This service is the platform's GraphQL API: departments push administrative penalty records and check a subject for joint punishment before granting a licence, subsidy or contract; regulators see subjects' credit tiers and lists; the public searches the published penalty decisions and the serious-dishonesty list.</p>
<ul>
${ide}<li><a href="/graphql"><code>/graphql</code></a>：GraphQL 接口，以 <code>POST</code> 发送 <code>application/json</code>（the GraphQL endpoint: <code>POST</code> a JSON body）</li>
<li><a href="/schema.graphql"><code>/schema.graphql</code></a>：接口的 schema（SDL）；生产环境需提供凭据（the schema; in production for callers with a credential）</li>
<li><a href="/health"><code>/health</code></a>：存活检查（liveness）；<a href="/ready"><code>/ready</code></a>：就绪检查（readiness）</li>
</ul>
</body>
</html>
`;
}

export function registerLandingPage(fastify: FastifyInstance, options: { ide: boolean }): void {
  const page = landingPage(options);
  fastify.get('/', async (_request, reply) =>
    reply
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(page),
  );
}
