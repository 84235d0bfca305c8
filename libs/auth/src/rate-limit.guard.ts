// Rate limits per caller, after authentication: per API key's department, per user, per IP for anonymous
// callers (far tighter). Every top-level field counts once, so alias-batching does not multiply a budget.
// Buckets live in this process's memory: with N API replicas behind a balancer the effective limit is N×.
import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainError, Principal, requestOf } from '@credit/common';

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
    // Health, readiness and metrics are for the platform's own probes, not rate-limited callers.
    return context.getType<string>() !== 'graphql';
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new DomainError('RATE_LIMITED', `Too many requests: at most ${detail.limit} per minute for this caller; retry in ${Math.ceil(detail.timeToBlockExpire || detail.timeToExpire)} s`);
  }
}
