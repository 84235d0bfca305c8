import { bilingual, forbidden, notFound, unauthenticated } from './domain-error';

describe('error messages: Chinese first, English in brackets', () => {
  it.each([
    [notFound('Listing 7'), 'NOT_FOUND', '未找到，或不在您的查询范围内（Listing 7 not found）'],
    [forbidden(), 'FORBIDDEN', '无权执行此操作（You are not allowed to do this）'],
    [forbidden('Only the owning department may revoke a record'), 'FORBIDDEN', '无权执行此操作（Only the owning department may revoke a record）'],
    [unauthenticated(), 'UNAUTHENTICATED', '需要登录令牌或有效的 API 密钥（Authentication required）'],
  ])('%#: %s', (error, code, message) => {
    expect([error.code, error.message]).toEqual([code, message]);
  });

  it('keeps a message that is already Chinese first as it is', () => {
    expect(bilingual('无权执行此操作', '只有作出决定的部门可以撤销（only the deciding department may revoke）')).toBe('只有作出决定的部门可以撤销（only the deciding department may revoke）');
  });
});
