// Set-based SQL of departments (pg pool): the page for the departments query and the API-key lookup that runs
// on every department request. Creation and key rotation go through MikroORM in departments.service.ts.
import { Injectable } from '@nestjs/common';
import { Database } from '@credit/db';

export interface DepartmentRow {
  id: string;
  code: string;
  name: string;
  uscc: string;
  region_code: string;
  public_contact: string | null;
  created_at: Date;
}

/** A live key (not revoked, not expired) with its department. */
export interface LiveKeyRow {
  key_id: string;
  secret_hash: string;
  last_used_at: Date | null;
  id: string;
  code: string;
  name: string;
  region_code: string;
}

const IN_REGION = `($1::text IS NULL OR region_code LIKE $1 || '%')`;

@Injectable()
export class DepartmentsRepository {
  constructor(private readonly db: Database) {}

  /** Departments by id after `afterId`, those under `regionPrefix` (null: all), and their total. */
  async page(regionPrefix: string | null, afterId: string | null, limit: number): Promise<{ rows: DepartmentRow[]; total: number }> {
    const rows = await this.db.query<DepartmentRow>(
      `SELECT id, code, name, uscc, region_code, public_contact, created_at FROM departments
        WHERE ${IN_REGION} AND ($2::bigint IS NULL OR id > $2::bigint) ORDER BY id LIMIT $3`,
      [regionPrefix, afterId, limit],
    );
    const [{ count }] = await this.db.query<{ count: string }>(`SELECT count(*) FROM departments WHERE ${IN_REGION}`, [regionPrefix]);
    return { rows, total: Number(count) };
  }

  async liveKeyByPrefix(prefix: string): Promise<LiveKeyRow | null> {
    const [row] = await this.db.query<LiveKeyRow>(
      `SELECT k.id AS key_id, k.secret_hash, k.last_used_at, d.id, d.code, d.name, d.region_code
         FROM department_api_keys k JOIN departments d ON d.id = k.department_id
        WHERE k.prefix = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
      [prefix],
    );
    return row ?? null;
  }

  async touchKey(keyId: string): Promise<void> {
    await this.db.query('UPDATE department_api_keys SET last_used_at = now() WHERE id = $1', [keyId]);
  }
}
