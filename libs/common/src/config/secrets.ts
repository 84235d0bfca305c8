// Secrets that must survive restarts but that a newcomer should never have to invent: when the environment
// does not provide them they are generated once and kept in DATA_DIR/secrets.json (mode 0600).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './app-config';

export interface PlatformSecrets {
  jwtSecret: string;
  /** AES-256-GCM keys for personal data at rest, by key id; the newest id encrypts, all ids decrypt. */
  piiKeys: Record<string, Buffer>;
  activePiiKeyId: string;
  /** HMAC key for looking up natural persons by ID number without storing it in clear. */
  piiHashKey: Buffer;
  /** HMAC key signing the audit chain's checkpoints (AUDIT_CHECKPOINT_KEY, else generated here). */
  auditCheckpointKey: Buffer;
}

interface StoredSecrets {
  jwtSecret?: string;
  piiKeys?: Record<string, string>;
  activePiiKeyId?: string;
  piiHashKey?: string;
  auditCheckpointKey?: string;
}

export const PLATFORM_SECRETS = Symbol('PLATFORM_SECRETS');

export function loadSecrets(dataDir: string, env: Record<string, string | undefined> = process.env): PlatformSecrets {
  const file = path.join(dataDir, 'secrets.json');
  const stored = readStoredSecrets(file);
  let changed = false;
  const fill = <K extends keyof StoredSecrets>(key: K, make: () => StoredSecrets[K]): void => {
    if (stored[key] === undefined) {
      stored[key] = make();
      changed = true;
    }
  };
  fill('jwtSecret', () => randomBytes(48).toString('base64url'));
  fill('piiKeys', () => ({ k1: randomBytes(32).toString('base64') }));
  fill('activePiiKeyId', () => Object.keys(stored.piiKeys ?? {}).sort().pop());
  fill('piiHashKey', () => randomBytes(32).toString('base64'));
  fill('auditCheckpointKey', () => randomBytes(32).toString('base64'));
  // Written unless every secret comes from the environment: a generated key that is not kept would change at each start.
  if (changed && !(env.JWT_SECRET && env.PII_ENCRYPTION_KEY && env.PII_HASH_KEY && env.AUDIT_CHECKPOINT_KEY)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }

  const piiKeys = Object.fromEntries(
    Object.entries(stored.piiKeys ?? {}).map(([id, key]) => [id, Buffer.from(key, 'base64')]),
  );
  let activePiiKeyId = stored.activePiiKeyId as string;
  // PII_ENCRYPTION_KEY=<id>:<base64 key> adds (and activates) a key from configuration: rotation keeps old ids.
  if (env.PII_ENCRYPTION_KEY) {
    const [id, key] = env.PII_ENCRYPTION_KEY.split(':');
    const bytes = Buffer.from(key ?? '', 'base64');
    if (!id || bytes.length !== 32) throw new ConfigError(['PII_ENCRYPTION_KEY must be <key id>:<32 bytes in base64>']);
    piiKeys[id] = bytes;
    activePiiKeyId = id;
  }
  const piiHashKey = env.PII_HASH_KEY ? Buffer.from(env.PII_HASH_KEY, 'base64') : Buffer.from(stored.piiHashKey as string, 'base64');
  if (piiHashKey.length < 32) throw new ConfigError([`${env.PII_HASH_KEY ? 'PII_HASH_KEY' : `piiHashKey in ${file}`} must be at least 32 bytes in base64`]);
  const auditCheckpointKey = Buffer.from(env.AUDIT_CHECKPOINT_KEY ?? (stored.auditCheckpointKey as string), 'base64');
  if (auditCheckpointKey.length < 32) throw new ConfigError([`${env.AUDIT_CHECKPOINT_KEY ? 'AUDIT_CHECKPOINT_KEY' : `auditCheckpointKey in ${file}`} must be at least 32 bytes in base64`]);
  return { auditCheckpointKey, jwtSecret: env.JWT_SECRET?.trim() || (stored.jwtSecret as string), piiKeys, activePiiKeyId, piiHashKey };
}

/** DATA_DIR/secrets.json as written by an earlier start; a hand-edited or damaged file is a ConfigError naming it. */
function readStoredSecrets(file: string): StoredSecrets {
  if (!fs.existsSync(file)) return {};
  let stored: unknown;
  try {
    stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new ConfigError([`${file} is not valid JSON (restore it from a backup: the keys in it decrypt stored ID numbers)`]);
  }
  const problems: string[] = [];
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) throw new ConfigError([`${file} must hold a JSON object`]);
  const value = stored as Record<string, unknown>;
  for (const key of ['jwtSecret', 'activePiiKeyId', 'piiHashKey', 'auditCheckpointKey'] as const) {
    if (value[key] !== undefined && (typeof value[key] !== 'string' || value[key] === '')) problems.push(`${key} in ${file} must be a non-empty string`);
  }
  const keys = value.piiKeys;
  if (keys !== undefined) {
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) problems.push(`piiKeys in ${file} must map key ids to keys`);
    else {
      for (const [id, key] of Object.entries(keys)) {
        if (typeof key !== 'string' || Buffer.from(key, 'base64').length !== 32) problems.push(`piiKeys.${id} in ${file} must be 32 bytes in base64`);
      }
      if (typeof value.activePiiKeyId === 'string' && !(value.activePiiKeyId in keys)) problems.push(`activePiiKeyId in ${file} names no key of piiKeys`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return value as StoredSecrets;
}
