// The one global guard. Secure by default: an operation is reachable only when it is marked @Public() or
// lists the caller's role in @Roles(...). It decides on the principal the credential gate verified
// (credentials/credential-gate.ts), which already refused every request carrying an invalid credential;
// a route the gate does not cover has no principal, so only its @Public() operations answer.
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, Principal, PUBLIC_KEY, requestOf, Role, roleOf, ROLES_KEY, unauthenticated } from '@credit/common';

@Injectable()
export class PlatformAuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const principal = (requestOf(context).user as Principal | null | undefined) ?? null;
    if (!principal) throw unauthenticated();
    // An operation without @Roles and without @Public is a programming mistake: closed, never open.
    if (!roles || !roles.includes(roleOf(principal))) throw forbidden();
    return true;
  }
}
