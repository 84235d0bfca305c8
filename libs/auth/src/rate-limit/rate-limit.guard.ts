// Rate limits per caller: per API key's department, per user, per IP for anonymous callers (far tighter).
// The caller is already known here (the credential gate ran before GraphQL), so this guard runs first and
// anonymous calls to protected operations spend their IP's budget too. Every top-level field counts once,
// so alias-batching does not multiply a budget. Buckets live in the RATE_LIMIT_STORE (shared via Redis when
// REDIS_URL is set).
import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { PAGE_VIEW_KEY, Principal, requestOf } from '@credit/common';
import { tooManyRequests } from '../auth.errors';

export const RATE_LIMIT_WINDOW_MS = 60_000;

export function trackerOf(request: { user?: unknown; ip?: string }): string {
  const principal = request.user as Principal | null | undefined;
  if (principal?.kind === 'DEPARTMENT') return `department:${principal.departmentId}`;
  if (principal?.kind === 'USER') return `user:${principal.userId}`;
  return `ip:${request.ip ?? 'unknown'}`;
}

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext): { req: Record<string, any>; res: Record<string, any> } {
    return { req: requestOf(context) as Record<string, any>, res: {} };
  }

  protected override async getTracker(request: Record<string, any>): Promise<string> {
    return trackerOf(request);
  }

  /** One bucket per caller across all operations (the default would keep one per resolver). */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    // Health, readiness and metrics are for the platform's own probes, not rate-limited callers; a portal page
    // view (@CountsAsPageView) is counted like an operation.
    if (context.getType<string>() === 'graphql') return false;
    return !this.reflector.getAllAndOverride<boolean>(PAGE_VIEW_KEY, [context.getHandler(), context.getClass()]);
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    throw tooManyRequests(detail.limit, seconds);
  }
}
