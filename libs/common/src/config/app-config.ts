// Configuration comes from the environment, validated once at boot: a bad value stops the process with a
// message that names the variable, instead of a surprise later.
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
  rateLimits: { anonymousPerMinute: number; departmentPerMinute: number; userPerMinute: number };
  readyMaxOutboxLagSeconds: number;
  searchCacheTtlMs: number;
  audit: { checkpointIntervalMinutes: number; checkpointFile: string | null };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

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

  const jwtSecret = read('JWT_SECRET') ?? null;
  if (jwtSecret !== null && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const adminPassword = read('ADMIN_PASSWORD') ?? null;
  if (adminPassword !== null && adminPassword.length < 12) problems.push('ADMIN_PASSWORD must be at least 12 characters');
  const adminUsername = read('ADMIN_USERNAME') ?? 'admin';
  if (!/^[A-Za-z0-9_.-]{3,64}$/.test(adminUsername)) problems.push('ADMIN_USERNAME must be 3–64 letters, digits, _ . or -');

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
    tierRuleVersion: read('TIER_RULE_VERSION') ?? 'v1',
    publishNaturalPersons: bool('PUBLISH_NATURAL_PERSONS', false),
    searchBackend: oneOf('SEARCH_BACKEND', ['postgres', 'elasticsearch'] as const, 'postgres'),
    elasticsearchUrl: url('ELASTICSEARCH_URL', ['http:', 'https:']),
    runWorkerInProcess: bool('RUN_WORKER_IN_PROCESS', true),
    rateLimits: {
      anonymousPerMinute: int('RATE_LIMIT_ANONYMOUS_PER_MINUTE', 60, 1, 1_000_000),
      departmentPerMinute: int('RATE_LIMIT_DEPARTMENT_PER_MINUTE', 6_000, 1, 10_000_000),
      userPerMinute: int('RATE_LIMIT_USER_PER_MINUTE', 1_200, 1, 10_000_000),
    },
    readyMaxOutboxLagSeconds: int('READY_MAX_OUTBOX_LAG_SECONDS', 300, 1, 86_400),
    // Identical public searches share one answer this long; at most 4 s so a withdrawal still disappears within 5 s.
    searchCacheTtlMs: int('SEARCH_CACHE_TTL_MS', 2_000, 0, 4_000),
    audit: {
      checkpointIntervalMinutes: int('AUDIT_CHECKPOINT_INTERVAL_MINUTES', 5, 1, 1_440),
      checkpointFile: read('AUDIT_CHECKPOINT_FILE') ? path.resolve(read('AUDIT_CHECKPOINT_FILE') as string) : null,
    },
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  };
  if (config.searchBackend === 'elasticsearch' && config.elasticsearchUrl === null) {
    problems.push('SEARCH_BACKEND=elasticsearch needs ELASTICSEARCH_URL');
  }
  if (config.migrationDatabaseUrl !== null && config.databaseUrl === null) problems.push('MIGRATION_DATABASE_URL needs DATABASE_URL (the application role)');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
