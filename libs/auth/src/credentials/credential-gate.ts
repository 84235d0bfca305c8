// Who is calling, decided once per HTTP request, before the body is parsed and before GraphQL sees the
// document (a Fastify onRequest hook): every later step — rate limits, query limits, introspection, guards,
// resolvers — reads the verified principal from request.user and never looks at credential headers again.
// - No credential header: anonymous (request.user = null).
// - One valid credential: that principal.
// - Anything else — a header that is present but empty, malformed, unknown, expired, revoked, a disabled
//   user's token, or both headers at once — is refused outright with 401 UNAUTHENTICATED, never downgraded
//   to anonymous, never combined.
// Failed credentials are counted per client address; once an address has spent its budget for the minute,
// its credentialed requests are refused with 429 RATE_LIMITED before any key or user is looked up, so a
// bad-key flood costs no database work.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, isDatabaseUnavailable, Principal } from '@credit/common';
import { ApiKeyVerifier } from '@credit/departments';
import { RATE_LIMIT_STORE, RateLimitStore } from '../rate-limit/rate-limit.store';
import { JwtCredentials } from './jwt.credentials';

const FAILURE_WINDOW_MS = 60_000;
const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i;

export type GateOutcome =
  | { kind: 'ok'; principal: Principal | null }
  | { kind: 'refused'; status: 401 | 429 | 503; code: string; message: string; retryAfterSeconds?: number };

type Headers = Record<string, string | string[] | undefined>;

@Injectable()
export class CredentialGate {
  constructor(
    private readonly apiKeys: ApiKeyVerifier,
    private readonly jwt: JwtCredentials,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async authenticate(headers: Headers, address: string): Promise<GateOutcome> {
    const apiKey = headers['x-api-key'];
    const authorization = headers.authorization;
    if (apiKey === undefined && authorization === undefined) return { kind: 'ok', principal: null };

    const failures = `bad-credentials:ip:${address}`;
    const spent = await this.store.peek(failures);
    if (spent.count >= this.config.rateLimits.badCredentialsPerMinute) {
      const seconds = Math.max(1, Math.ceil(spent.ttlMs / 1000));
      return {
        kind: 'refused',
        status: 429,
        code: 'RATE_LIMITED',
        message: `来自此地址的无效凭据过多，请 ${seconds} 秒后重试（too many invalid credentials from this address; retry in ${seconds} s）`,
        retryAfterSeconds: seconds,
      };
    }

    let principal: Principal | null;
    try {
      principal = await this.verify(apiKey, authorization);
    } catch (error) {
      // An outage is not a bad credential: say so, so the caller retries instead of rotating keys.
      if (isDatabaseUnavailable(error)) return { kind: 'refused', status: 503, code: 'SERVICE_UNAVAILABLE', message: '数据库暂不可用，请重试（the database is unavailable; retry the request）' };
      throw error;
    }
    if (principal) return { kind: 'ok', principal };
    await this.store.hit(failures, FAILURE_WINDOW_MS);
    return {
      kind: 'refused',
      status: 401,
      code: 'UNAUTHENTICATED',
      message:
        apiKey !== undefined && authorization !== undefined
          ? '请只发送一种凭据：X-Api-Key 或 Authorization（send one credential: X-Api-Key or Authorization, not both）'
          : 'API 密钥或访问令牌无效、已过期或已吊销（the API key or access token is invalid, expired or revoked）',
    };
  }

  private async verify(apiKey: string | string[] | undefined, authorization: string | string[] | undefined): Promise<Principal | null> {
    // Both at once is refused rather than resolved: which one "wins" is exactly what an attacker would probe.
    if (apiKey !== undefined && authorization !== undefined) return null;
    if (typeof apiKey === 'string') return apiKey.length > 0 && apiKey.length <= 512 ? this.apiKeys.verify(apiKey) : null;
    if (typeof authorization === 'string') {
      const token = BEARER.exec(authorization)?.[1];
      return token && token.length <= 4096 ? this.jwt.verify(token) : null;
    }
    return null; // a repeated header arrives as an array: ambiguous, refused
  }
}

/** Requests that never carry credentials and must answer even to a client sending stale ones. */
const PROBE_PATHS = new Set(['/health', '/ready', '/metrics']);

interface FastifyLike {
  decorateRequest(name: string, value: unknown): unknown;
  addHook(name: 'onRequest', hook: (request: any, reply: any) => Promise<unknown>): unknown;
}

export interface CredentialGateOptions {
  /**
   * Paths that serve everyone the same anonymous view (the public portal's pages): credential headers are
   * neither read nor refused there, so a browser with a stale header still gets the page, as anonymous, and
   * a flood of bad keys on them costs no lookup. Nothing there acts on a principal.
   */
  anonymousOnly?: (path: string) => boolean;
}

export function registerCredentialGate(fastify: FastifyLike, gate: CredentialGate, options: CredentialGateOptions = {}): void {
  fastify.decorateRequest('user', null);
  fastify.addHook('onRequest', async (request, reply) => {
    const path = String(request.url).split('?')[0];
    if (PROBE_PATHS.has(path) || options.anonymousOnly?.(path)) return;
    const outcome = await gate.authenticate(request.headers, request.ip ?? 'unknown');
    if (outcome.kind === 'ok') {
      request.user = outcome.principal;
      return;
    }
    if (outcome.retryAfterSeconds) reply.header('retry-after', String(outcome.retryAfterSeconds));
    const extensions = { code: outcome.code, ...(outcome.retryAfterSeconds ? { retryAfterSeconds: outcome.retryAfterSeconds } : {}) };
    return reply.code(outcome.status).type('application/json').send({ errors: [{ message: outcome.message, extensions }] });
  });
}
