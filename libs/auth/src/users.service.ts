import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Actor, AuditService, SYSTEM_ACTOR } from '@credit/audit';
import { emExecutor } from '@credit/db';
import { usernameTaken } from './auth.errors';
import { CreateUserInput } from './dto/auth.dto';
import { PasswordHasher } from './password-hasher';
import { assertPasswordAcceptable } from './password-policy';
import { User, UserRole } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    private readonly orm: MikroORM,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(input: CreateUserInput, actor: Actor): Promise<User> {
    assertPasswordAcceptable(input.username, input.password);
    const passwordHash = await this.hasher.hash(input.password);
    return this.orm.em.fork().transactional(async (em) => {
      if (await em.findOne(User, { username: input.username })) throw usernameTaken(input.username);
      const user = em.create(User, { username: input.username, passwordHash, role: input.role, regionCode: input.regionCode ?? null });
      await em.flush();
      await this.audit.append(emExecutor(em), actor, [
        { action: 'USER_CREATED', targetType: 'USER', targetId: user.id, details: { username: user.username, role: user.role, regionCode: user.regionCode } },
      ]);
      return user;
    });
  }

  async findActiveByUsername(username: string): Promise<User | null> {
    return this.orm.em.fork().findOne(User, { username, disabledAt: null });
  }

  async findActiveById(id: string): Promise<User | null> {
    return this.orm.em.fork().findOne(User, { id, disabledAt: null });
  }

  /**
   * Replaces a hash made with weaker scrypt parameters after a successful login (the only moment the plain
   * password is at hand). Not audited: the password is unchanged. Conditional on the old hash, so it never
   * overwrites a password set meanwhile.
   */
  async upgradePasswordHash(userId: string, oldHash: string, newHash: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(User, { id: userId, passwordHash: oldHash }, { passwordHash: newHash });
  }

  /** Sets a new password (admin tooling, e.g. the demo's regulator login); audited. */
  async setPassword(username: string, password: string, actor: Actor): Promise<void> {
    assertPasswordAcceptable(username, password, 'password');
    const passwordHash = await this.hasher.hash(password);
    await this.orm.em.fork().transactional(async (em) => {
      const user = await em.findOneOrFail(User, { username });
      user.passwordHash = passwordHash;
      await em.flush();
      await this.audit.append(emExecutor(em), actor, [{ action: 'USER_PASSWORD_SET', targetType: 'USER', targetId: user.id, details: { username } }]);
    });
  }

  /** At start-up: creates the first admin when there is none. Returns true when it created one. */
  async ensureAdmin(username: string, password: string): Promise<boolean> {
    const em = this.orm.em.fork();
    if ((await em.count(User, { role: UserRole.ADMIN })) > 0) return false;
    await this.create({ username, password, role: UserRole.ADMIN, regionCode: null }, SYSTEM_ACTOR);
    return true;
  }
}
