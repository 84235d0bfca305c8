import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal, Role } from './principal';

export const PUBLIC_KEY = 'credit:public';
export const ROLES_KEY = 'credit:roles';

/** Anyone may call this operation, anonymous callers included. Every such operation says so here. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the operation. The global guard refuses operations with neither marker. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

export const PAGE_VIEW_KEY = 'credit:page-view';

/**
 * An HTTP route whose every request spends the caller's rate-limit budget like one GraphQL operation (the
 * public portal's pages). Other plain HTTP routes (probes, metrics) are not rate-limited.
 */
export const CountsAsPageView = (): MethodDecorator & ClassDecorator => SetMetadata(PAGE_VIEW_KEY, true);

/** The authenticated caller (null only on @Public operations called anonymously). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal | null => {
  const request = requestOf(context);
  return (request?.user as Principal | undefined) ?? null;
});

export function requestOf(context: ExecutionContext): { user?: unknown; headers: Record<string, string | string[] | undefined>; ip?: string } {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

/** The caller's address as Fastify resolved it (X-Forwarded-For only when TRUST_PROXY says whom to trust). */
export const ClientAddress = createParamDecorator((_: unknown, context: ExecutionContext): string => requestOf(context)?.ip ?? 'unknown');
