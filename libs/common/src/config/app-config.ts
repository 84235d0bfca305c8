// Configuration comes from the environment, validated once at boot: a bad value stops the process with a
// message that names the variable, instead of a surprise later.
import fs from 'node:fs';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';
export type SearchBackend = 'postgres' | 'elasticsearch';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** The owner role's URL, for migrations; DATABASE_URL is then the application role (docs/OPERATING-DATABASE.md). */
  migrationDatabaseUrl: string | null;
  adminUsername: string;
  adminPassword: string | null;
  jwtSecret: string | null;
  jwtTtlSeconds: number;
  tierRuleVersion: string;
  publishNaturalPersons: boolean;
  searchBackend: SearchBackend;
  elasticsearchUrl: string | null;
  runWorkerInProcess: boolean;
  logLevel: string;
  rateLimits: { anonymousPerMinute: number; departmentPerMinute: number; userPerMinute: number; badCredentialsPerMinute: number };
  /** Shared rate-limit and login-backoff buckets across API replicas; null = in-process buckets. */
  redisUrl: string | null;
  /** Fastify's trustProxy: false (default), or the proxies' addresses/CIDRs and named ranges. */
  trustProxy: false | string[];
  /** scrypt cost as log2(N): 17 (OWASP) by default; production refuses less. */
  passwordHashCost: number;
  /** How long a JWT holder's active/disabled status is trusted before it is read again (at most 60). */
  userStatusCacheSeconds: number;
  readyMaxOutboxLagSeconds: number;
  /** On SIGTERM or SIGINT, how long /ready answers 503 before the listener closes (apps/api/src/graceful-shutdown.ts). */
  shutdownDrainDelayMs: number;
  /** On SIGTERM or SIGINT, how long the drain may take from the signal (the delay included); then connections are closed. */
  shutdownTimeoutMs: number;
  outboxMaxAttempts: number;
  searchCacheTtlMs: number;
  /** Connections of the API's pool that answers public searches (SEARCH_READER_POOL). */
  searchReaderPool: number;
  /** Anonymous searchDisclosures and departments' submitPenaltyRecords through the precompiled fast path (apps/api/src/fast-path); false: Apollo for every request. */
  graphqlFastPath: boolean;
  /** Threads that validate and prepare pushed batches off the event loop (INGEST_VALIDATION_THREADS; 0: on it). */
  ingestValidationThreads: number;
  bodyLimits: BodyLimits;
  /** Bearer tokens allowed to read /metrics; empty: /metrics is not served at all. */
  metricsTokens: string[];
  imports: ImportLimits;
  audit: { checkpointIntervalMinutes: number; checkpointFile: string | null };
}

/** Request bodies, decided before a byte of the body is read (apps/api/src/request-body-gate.ts). */
export interface BodyLimits {
  /** Anonymous callers and people (JWT): their GraphQL documents and variables are small. */
  defaultBytes: number;
  /** Callers authenticated by a department API key before the body is read (batches of 1,000 records). */
  departmentBytes: number;
}

/** Spreadsheet uploads and what their contents may expand to (libs/imports). */
export interface ImportLimits {
  /** The uploaded file as sent (compressed, for an XLSX). */
  maxUploadBytes: number;
  /** Bytes an XLSX may inflate to (all zip entries), and characters of cell text any file may yield. */
  maxInflatedBytes: number;
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  /** The error report returned inline: at most this many rejected rows and bytes; the rest is counted. */
  reportMaxRows: number;
  reportMaxBytes: number;
  /** Uploads a department may start per minute, counted before the file is read. */
  uploadsPerMinute: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** LOG_LEVEL for the lines logged before the configuration is validated (which then names a bad one): info. */
export function bootLogLevel(env: Record<string, string | undefined> = process.env): string {
  return (LOG_LEVELS as readonly string[]).includes(env.LOG_LEVEL ?? '') ? (env.LOG_LEVEL as string) : 'info';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/** The address ranges fastify's proxy-addr knows by name (loopback, link-local, private networks). */
const TRUST_PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * A named range, or an address with an optional prefix length its family allows: checked here, where a bad one is
 * a configuration error like any other, rather than by proxy-addr as the server starts (a TypeError and its stack).
 */
function isTrustProxyEntry(entry: string): boolean {
  if (TRUST_PROXY_RANGES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/**
 * The cores this process may use: the machine's, or fewer under a cgroup v2 CPU limit (a container's --cpus, a
 * Kubernetes CPU limit), which os.availableParallelism() does not see.
 */
export function availableCores(cpuMaxFile = '/sys/fs/cgroup/cpu.max'): number {
  const cores = os.availableParallelism();
  try {
    const [quota, period] = fs.readFileSync(cpuMaxFile, 'utf8').trim().split(/\s+/).map(Number);
    if (quota > 0 && period > 0) return Math.max(1, Math.min(cores, Math.ceil(quota / period)));
  } catch {
    // No cgroup v2 CPU controller here (another OS, cgroup v1): the machine's cores.
  }
  return cores;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!allowed.includes(raw as T)) {
      problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return raw as T;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!['true', 'false', '1', '0'].includes(raw)) {
      problems.push(`${name} must be true or false, got "${raw}"`);
      return fallback;
    }
    return raw === 'true' || raw === '1';
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = read(name);
    if (raw === undefined) return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
    } catch {
      problems.push(`${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      return null;
    }
    return raw;
  };

  // Whom to believe about the client's address: the proxies, listed. A hop count is refused: with only a count, a
  // client that reaches the API directly writes the hops itself (fastify's advisory GHSA-3m5p-2c4r-xxw2; from 5.12
  // fastify trusts nobody for a count, which would put every caller behind the proxy in one rate-limit bucket).
  // So is "true": it believes the first address of X-Forwarded-For, which the client writes, so every caller could
  // name a fresh address per request and no limit per address would hold.
  const trustProxy = (): false | string[] => {
    const raw = read('TRUST_PROXY');
    if (raw === undefined || raw === 'false' || raw === '0') return false;
    const instead = `list the proxies' addresses or CIDRs (e.g. 10.0.0.0/8), or name their range: ${TRUST_PROXY_RANGES.join(', ')}`;
    if (raw === 'true') {
      problems.push(`TRUST_PROXY=true would believe any address a client writes into X-Forwarded-For (no rate limit per address would hold): ${instead}`);
      return false;
    }
    if (/^\d+$/.test(raw)) {
      problems.push(`TRUST_PROXY no longer takes a hop count ("${raw}"): a client that reaches the API directly could write the hops itself; ${instead}`);
      return false;
    }
    const entries = raw.split(',').map((entry) => entry.trim());
    if (entries.every(isTrustProxyEntry)) return entries;
    problems.push(`TRUST_PROXY must be false or a comma-separated list of proxy addresses/CIDRs or ranges (${TRUST_PROXY_RANGES.join(', ')}), got "${raw}"`);
    return false;
  };

  const jwtSecret = read('JWT_SECRET') ?? null;
  if (jwtSecret !== null && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const adminPassword = read('ADMIN_PASSWORD') ?? null;
  if (adminPassword !== null && adminPassword.length < 12) problems.push('ADMIN_PASSWORD must be at least 12 characters');
  // Comma-separated so a scraper's token can be rotated without a gap; short tokens are guessable.
  const metricsTokens = (read('METRICS_TOKEN') ?? '').split(',').map((token) => token.trim()).filter((token) => token !== '');
  if (metricsTokens.some((token) => token.length < 24)) problems.push('METRICS_TOKEN must be at least 24 characters (several may be given, comma-separated)');
  const adminUsername = read('ADMIN_USERNAME') ?? 'admin';
  if (!/^[A-Za-z0-9_.-]{3,64}$/.test(adminUsername)) problems.push('ADMIN_USERNAME must be 3–64 letters, digits, _ . or -');
  // The rest of the password policy (the common-password list) is checked when the admin is created.
  if (adminPassword !== null && adminPassword.toLowerCase().includes(adminUsername.toLowerCase())) problems.push('ADMIN_PASSWORD must not contain ADMIN_USERNAME');

  const config: AppConfig = {
    nodeEnv: oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development'),
    port: int('PORT', 3000, 0, 65535),
    host: read('HOST') ?? '127.0.0.1',
    dataDir: path.resolve(read('DATA_DIR') ?? './var'),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    migrationDatabaseUrl: url('MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:']),
    adminUsername,
    adminPassword,
    jwtSecret,
    jwtTtlSeconds: int('JWT_TTL_SECONDS', 900, 60, 86400),
    tierRuleVersion: read('TIER_RULE_VERSION') ?? 'v2',
    publishNaturalPersons: bool('PUBLISH_NATURAL_PERSONS', false),
    searchBackend: oneOf('SEARCH_BACKEND', ['postgres', 'elasticsearch'] as const, 'postgres'),
    elasticsearchUrl: url('ELASTICSEARCH_URL', ['http:', 'https:']),
    runWorkerInProcess: bool('RUN_WORKER_IN_PROCESS', true),
    rateLimits: {
      anonymousPerMinute: int('RATE_LIMIT_ANONYMOUS_PER_MINUTE', 60, 1, 1_000_000),
      departmentPerMinute: int('RATE_LIMIT_DEPARTMENT_PER_MINUTE', 6_000, 1, 10_000_000),
      userPerMinute: int('RATE_LIMIT_USER_PER_MINUTE', 1_200, 1, 10_000_000),
      // Per IP, checked before any credential is looked up: a bad-key flood costs no database work.
      badCredentialsPerMinute: int('RATE_LIMIT_BAD_CREDENTIALS_PER_MINUTE', 10, 1, 1_000_000),
    },
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    trustProxy: trustProxy(),
    passwordHashCost: int('PASSWORD_HASH_COST', 17, 10, 20),
    userStatusCacheSeconds: int('USER_STATUS_CACHE_SECONDS', 30, 0, 60),
    readyMaxOutboxLagSeconds: int('READY_MAX_OUTBOX_LAG_SECONDS', 300, 1, 86_400),
    // Behind a load balancer that polls /ready, its interval times the failures it waits for; 0 closes the listener at once.
    shutdownDrainDelayMs: int('SHUTDOWN_DRAIN_DELAY_MS', 0, 0, 120_000),
    // Under Kubernetes' default grace of 30 s, which ends in SIGKILL.
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 20_000, 100, 600_000),
    // A record whose search document cannot be built is tried this often (backing off 1, 2, 4 … s) before it
    // becomes a dead letter; an unreachable index never dead-letters anything.
    outboxMaxAttempts: int('OUTBOX_MAX_ATTEMPTS', 5, 1, 100),
    // Identical public searches share one answer this long; at most 4 s so a withdrawal still disappears within 5 s.
    searchCacheTtlMs: int('SEARCH_CACHE_TTL_MS', 2_000, 0, 4_000),
    // About twice the database server's cores (4 suits a database on two, as the embedded one and the benchmarks'):
    // searches are CPU-bound in PostgreSQL, and backends beyond that only take turns on the cores, each turn costing
    // CPU (libs/search/README.md). At most 100: the embedded server allows 200 connections, and the API's other
    // pools and the worker need theirs.
    searchReaderPool: int('SEARCH_READER_POOL', 4, 1, 100),
    graphqlFastPath: bool('GRAPHQL_FAST_PATH', true),
    // One core fewer than this process may use (availableCores: the event loop keeps one), at most 4: a batch of
    // 1,000 takes 17–27 ms to validate and prepare, and more threads than cores only take turns. 0 validates on the
    // event loop, in slices.
    ingestValidationThreads: int('INGEST_VALIDATION_THREADS', Math.min(4, availableCores() - 1), 0, 16),
    bodyLimits: {
      defaultBytes: int('BODY_LIMIT_BYTES', 64 * KIB, KIB, 64 * MIB),
      departmentBytes: int('BODY_LIMIT_DEPARTMENT_BYTES', 16 * MIB, KIB, 256 * MIB),
    },
    // Sized for the template (23 columns, the longest field 4,000 characters) and about 40,000 rows per upload.
    imports: {
      maxUploadBytes: int('IMPORT_MAX_UPLOAD_BYTES', 20 * MIB, KIB, GIB),
      maxInflatedBytes: int('IMPORT_MAX_INFLATED_BYTES', 128 * MIB, KIB, 4 * GIB),
      maxRows: int('IMPORT_MAX_ROWS', 200_000, 1, 10_000_000),
      maxColumns: int('IMPORT_MAX_COLUMNS', 64, 23, 16_384),
      maxCellChars: int('IMPORT_MAX_CELL_CHARS', 8_000, 4_000, 1_000_000),
      reportMaxRows: int('IMPORT_REPORT_MAX_ROWS', 1_000, 1, 1_000_000),
      reportMaxBytes: int('IMPORT_REPORT_MAX_BYTES', 2 * MIB, KIB, GIB),
      uploadsPerMinute: int('IMPORT_UPLOADS_PER_MINUTE', 10, 1, 10_000),
    },
    metricsTokens,
    audit: {
      checkpointIntervalMinutes: int('AUDIT_CHECKPOINT_INTERVAL_MINUTES', 5, 1, 1_440),
      checkpointFile: read('AUDIT_CHECKPOINT_FILE') ? path.resolve(read('AUDIT_CHECKPOINT_FILE') as string) : null,
    },
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  };
  if (config.searchBackend === 'elasticsearch' && config.elasticsearchUrl === null) {
    problems.push('SEARCH_BACKEND=elasticsearch needs ELASTICSEARCH_URL');
  }
  // Lower costs exist only so test suites can log in quickly; a production server never hashes below OWASP's cost.
  if (config.nodeEnv === 'production' && config.passwordHashCost < 17) problems.push('PASSWORD_HASH_COST must be at least 17 in production');
  if (config.migrationDatabaseUrl !== null && config.databaseUrl === null) problems.push('MIGRATION_DATABASE_URL needs DATABASE_URL (the application role)');
  // The timeout counts from the signal and includes the delay: a delay as long would cut every request in flight.
  if (config.shutdownDrainDelayMs >= config.shutdownTimeoutMs) problems.push('SHUTDOWN_DRAIN_DELAY_MS must be below SHUTDOWN_TIMEOUT_MS (the timeout counts from the signal and includes the delay)');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
