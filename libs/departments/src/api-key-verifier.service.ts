import { Injectable } from '@nestjs/common';
import { DepartmentPrincipal } from '@credit/common';
import { Database } from '@credit/db';
import { parseApiKey, secretMatches } from './api-key';

/** last_used_at is refreshed at most once a minute per key, so authentication adds no write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeyVerifier {
  constructor(private readonly db: Database) {}

  /** The department behind a key, or null for a malformed, unknown, revoked or expired key. */
  async verify(presented: string): Promise<DepartmentPrincipal | null> {
    const parsed = parseApiKey(presented);
    if (!parsed) return null;
    const [row] = await this.db.query<{ key_id: string; secret_hash: string; last_used_at: Date | null; id: string; code: string; name: string; region_code: string }>(
      `SELECT k.id AS key_id, k.secret_hash, k.last_used_at, d.id, d.code, d.name, d.region_code
         FROM department_api_keys k JOIN departments d ON d.id = k.department_id
        WHERE k.prefix = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
      [parsed.prefix],
    );
    if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.db.query('UPDATE department_api_keys SET last_used_at = now() WHERE id = $1', [row.key_id]);
    }
    return { kind: 'DEPARTMENT', departmentId: row.id, departmentCode: row.code, departmentName: row.name, regionCode: row.region_code, apiKeyId: row.key_id };
  }
}
