// Starts GraphiQL on /ide (see graphql-ide.route.ts). A file of its own, served from our origin, because the
// page's Content-Security-Policy allows no inline script. Runs in the browser after the React, ReactDOM and
// GraphiQL UMD builds have defined their globals.
(function () {
  'use strict';
  var DEFAULT_QUERY = [
    '# 信用信息与联合惩戒平台 GraphQL IDE（仅开发环境 development only）',
    '#',
    '# 公众无需凭据即可查询公开名单（the public lists need no credentials）。',
    '# 其他调用者在下方 Headers 中填写一种凭据（other callers put one credential in Headers below）：',
    '#   人员 people:      {"Authorization": "Bearer <login 返回的 accessToken>"}',
    '#   部门 departments: {"X-Api-Key": "cpk_…"}',
    '# 凭据不会保存在浏览器中（credentials are not stored in the browser）。',
    '',
    'query PublicList {',
    '  publicSeriousDishonestyList(first: 5) {',
    '    edges { node { name uscc } }',
    '  }',
    '}',
    '',
  ].join('\n');

  // A plain JSON POST: Apollo's CSRF prevention accepts application/json, and the platform serves no
  // incremental delivery (@defer) for a multipart fetcher to read.
  var fetcher = GraphiQL.createFetcher({ url: '/graphql', enableIncrementalDelivery: false });

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: DEFAULT_QUERY,
      defaultHeaders: '{}',
      defaultEditorToolsVisibility: 'headers',
      // Tokens and API keys stay out of localStorage unless the user asks for it.
      shouldPersistHeaders: false,
    }),
  );
})();
