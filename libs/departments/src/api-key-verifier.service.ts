import { Injectable } from '@nestjs/common';
import { DepartmentPrincipal } from '@credit/common';
import { parseApiKey, secretMatches } from './api-key';
import { DepartmentsRepository } from './departments.repository';

/** last_used_at is refreshed at most once a minute per key, so authentication adds no write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeyVerifier {
  constructor(private readonly departments: DepartmentsRepository) {}

  /** The department behind a key, or null for a malformed, unknown, revoked or expired key. */
  async verify(presented: string): Promise<DepartmentPrincipal | null> {
    const parsed = parseApiKey(presented);
    if (!parsed) return null;
    const row = await this.departments.liveKeyByPrefix(parsed.prefix);
    if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.departments.touchKey(row.key_id);
    }
    return { kind: 'DEPARTMENT', departmentId: row.id, departmentCode: row.code, departmentName: row.name, regionCode: row.region_code, apiKeyId: row.key_id };
  }
}
