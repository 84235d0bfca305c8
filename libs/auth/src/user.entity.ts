import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '@credit/db';

export enum UserRole {
  ADMIN = 'ADMIN',
  REGULATOR = 'REGULATOR',
}

/** A person who logs in (admins, regulators). Departments are machine clients, see DepartmentApiKey. */
@Entity({ tableName: 'users' })
export class User extends BaseEntity<'regionCode' | 'disabledAt'> {
  @Property({ length: 64 })
  @Unique()
  username!: string;

  /** scrypt, in the self-describing form produced by PasswordHasher. */
  @Property({ length: 255 })
  passwordHash!: string;

  @Enum({ items: () => UserRole, nativeEnumName: undefined })
  role!: UserRole;

  /** GB/T 2260 code of the area a regulator answers for; null = everywhere. */
  @Property({ length: 6, nullable: true })
  regionCode: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null = null;
}
