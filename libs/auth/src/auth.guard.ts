// The one global guard. Secure by default: an operation is reachable only when it is marked @Public() or
// lists the caller's role in @Roles(...). Credentials, when sent, must be valid (a bad key is an error, not
// a silent downgrade to anonymous).
import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { forbidden, isDatabaseUnavailable, Principal, PUBLIC_KEY, requestOf, Role, roleOf, ROLES_KEY, unauthenticated } from '@credit/common';

@Injectable()
export class PlatformAuthGuard extends AuthGuard(['department-api-key', 'jwt']) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext): unknown {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = requestOf(context);
    const presented = Boolean(request.headers['x-api-key'] || request.headers.authorization);
    if (presented) await super.canActivate(context);
    else request.user = null;
    if (isPublic) return true;
    const principal = request.user as Principal | null;
    if (!principal) throw unauthenticated();
    // An operation without @Roles and without @Public is a programming mistake: closed, never open.
    if (!roles || !roles.includes(roleOf(principal))) throw forbidden();
    return true;
  }

  override handleRequest<T>(error: unknown, user: T | false): T {
    // An outage is not a bad credential: say so (SERVICE_UNAVAILABLE), so the caller retries instead of rotating keys.
    if (isDatabaseUnavailable(error)) throw error;
    if (error || !user) throw unauthenticated('The API key or access token is invalid, expired or revoked');
    return user;
  }
}
