import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Actor, AuditService, contentHash } from '@credit/audit';
import { badInput, conflict, cursorCodec, DEFAULT_PAGE_SIZE, notFound, Principal, regionScopePrefixOf, requireUscc, toConnection } from '@credit/common';
import { emExecutor } from '@credit/db';

import { generateApiKey, GeneratedApiKey } from './api-key';
import { DepartmentApiKey } from './department-api-key.entity';
import { Department } from './department.entity';
import { DepartmentsRepository } from './departments.repository';
import { CreateDepartmentInput, RevokeApiKeyInput, RotateApiKeyInput, SetDepartmentPublicContactInput } from './dto/department.inputs';

/** Two active keys at most: the current one and the one being rotated out. */
export const MAX_ACTIVE_KEYS = 2;

const DEPARTMENT_CURSOR = cursorCodec('id');

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly departments: DepartmentsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateDepartmentInput, actor: Actor): Promise<{ department: Department; apiKey: string }> {
    const uscc = requireUscc(input.uscc, 'input.uscc');
    return this.orm.em.fork().transactional(async (em) => {
      if (await em.findOne(Department, { code: input.code })) throw conflict(`Department ${input.code} already exists`, 'input.code');
      const department = em.create(Department, { code: input.code, name: input.name.trim(), uscc: uscc.code, regionCode: input.regionCode });
      await em.flush();
      const generated = generateApiKey();
      const key = this.newKey(em.create.bind(em), department, generated, input.apiKeyExpiresInDays);
      await em.flush();
      await this.audit.append(emExecutor(em), actor, [
        { action: 'DEPARTMENT_CREATED', targetType: 'DEPARTMENT', targetId: department.id, afterHash: contentHash(snapshot(department)), details: { code: department.code } },
        { action: 'API_KEY_ISSUED', targetType: 'API_KEY', targetId: key.id, details: { department: department.code, prefix: key.prefix } },
      ]);
      return { department, apiKey: generated.plaintext };
    });
  }

  async rotateKey(input: RotateApiKeyInput, actor: Actor): Promise<{ key: DepartmentApiKey; apiKey: string }> {
    return this.orm.em.fork().transactional(async (em) => {
      const department = await em.findOne(Department, { code: input.departmentCode }, { lockMode: 4 /* PESSIMISTIC_WRITE */ });
      if (!department) throw notFound(`Department ${input.departmentCode}`);
      const active = await em.find(DepartmentApiKey, { department, revokedAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      const now = new Date();
      const live = active.filter((key) => key.expiresAt === null || key.expiresAt > now);
      // Rotation keeps the newest key working while clients switch; the oldest beyond the limit is revoked.
      const retired = live.slice(0, Math.max(0, live.length - (MAX_ACTIVE_KEYS - 1)));
      for (const key of retired) key.revokedAt = now;
      const generated = generateApiKey();
      const key = this.newKey(em.create.bind(em), department, generated, input.expiresInDays);
      await em.flush();
      await this.audit.append(emExecutor(em), actor, [
        ...retired.map((old) => ({ action: 'API_KEY_REVOKED', targetType: 'API_KEY', targetId: old.id, details: { department: department.code, prefix: old.prefix, cause: 'ROTATION' } })),
        { action: 'API_KEY_ISSUED', targetType: 'API_KEY', targetId: key.id, details: { department: department.code, prefix: key.prefix } },
      ]);
      return { key, apiKey: generated.plaintext };
    });
  }

  async revokeKey(input: RevokeApiKeyInput, actor: Actor): Promise<DepartmentApiKey> {
    if (!/^\d+$/.test(input.keyId)) throw badInput('keyId is not a key id', 'input.keyId');
    return this.orm.em.fork().transactional(async (em) => {
      const key = await em.findOne(DepartmentApiKey, { id: input.keyId, department: { code: input.departmentCode } });
      if (!key) throw notFound(`API key ${input.keyId} of department ${input.departmentCode}`);
      if (key.revokedAt) return key;
      key.revokedAt = new Date();
      await em.flush();
      await this.audit.append(emExecutor(em), actor, [
        { action: 'API_KEY_REVOKED', targetType: 'API_KEY', targetId: key.id, details: { department: input.departmentCode, prefix: key.prefix, cause: 'ADMIN' } },
      ]);
      return key;
    });
  }

  async setPublicContact(input: SetDepartmentPublicContactInput, actor: Actor): Promise<Department> {
    const contact = input.publicContact?.trim() || null;
    return this.orm.em.fork().transactional(async (em) => {
      const department = await em.findOne(Department, { code: input.departmentCode });
      if (!department) throw notFound(`Department ${input.departmentCode}`);
      if (department.publicContact === contact) return department;
      const before = department.publicContact;
      department.publicContact = contact;
      await em.flush();
      await this.audit.append(emExecutor(em), actor, [
        { action: 'DEPARTMENT_CONTACT_SET', targetType: 'DEPARTMENT', targetId: department.id, details: { code: department.code, before, after: contact } },
      ]);
      return department;
    });
  }

  /**
   * The 异议/信用修复 contacts the public portal shows beside records, by the department names those records
   * carry (public disclosures and listings name their department, not its code). Only departments with a
   * contact are returned; at most 50 names per call.
   */
  async publicContacts(names: readonly string[]): Promise<{ name: string; contact: string }[]> {
    const wanted = [...new Set(names)].slice(0, 50);
    if (wanted.length === 0) return [];
    const found = await this.orm.em.fork().find(Department, { name: { $in: wanted }, publicContact: { $ne: null } }, { orderBy: { name: 'asc', id: 'asc' } });
    return found.map((department) => ({ name: department.name, contact: department.publicContact as string }));
  }

  /** Departments by id; a regulator sees those of its region (region-scope.ts of @credit/common), null: the system. */
  async list(principal: Principal | null, first = DEFAULT_PAGE_SIZE, after?: string) {
    const cursor = DEPARTMENT_CURSOR.decode(after);
    const region = regionScopePrefixOf(principal);
    const { rows, total } = await this.departments.page(region, cursor?.[0] ?? null, first + 1);
    return toConnection(rows, first, total, (row) => DEPARTMENT_CURSOR.encode([row.id]), (row) => ({
      id: row.id, code: row.code, name: row.name, uscc: row.uscc, regionCode: row.region_code, publicContact: row.public_contact, createdAt: row.created_at,
    }));
  }

  async keysOf(departmentCode: string): Promise<DepartmentApiKey[]> {
    return this.orm.em.fork().find(DepartmentApiKey, { department: { code: departmentCode } }, { orderBy: { id: 'asc' } });
  }

  private newKey(
    create: (entity: typeof DepartmentApiKey, data: Partial<DepartmentApiKey>) => DepartmentApiKey,
    department: Department,
    generated: GeneratedApiKey,
    expiresInDays?: number,
  ): DepartmentApiKey {
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
    return create(DepartmentApiKey, { department, prefix: generated.prefix, secretHash: generated.secretHash, expiresAt });
  }
}

function snapshot(department: Department): Record<string, string> {
  return { code: department.code, name: department.name, uscc: department.uscc, regionCode: department.regionCode };
}
