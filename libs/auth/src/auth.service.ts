import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@credit/common';
import { tooManyFailedLogins, wrongCredentials } from './auth.errors';
import { JwtClaims } from './auth.tokens';
import { LoginBackoff } from './login-backoff';
import { PasswordHasher } from './password-hasher';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  // Compared against when the user does not exist, so timing does not reveal which usernames exist.
  // Made on first use: at N=2^17 it costs 128 MiB and a few hundred ms that a worker process never needs.
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly backoff: LoginBackoff,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, clientAddress: string): Promise<{ accessToken: string; expiresAt: Date }> {
    // Checked before hashing: a locked username or address costs no scrypt work.
    const wait = await this.backoff.secondsUntilAllowed(username, clientAddress);
    if (wait > 0) throw tooManyFailedLogins(wait);
    const user = await this.users.findActiveByUsername(username);
    const ok = await this.hasher.verify(password, user?.passwordHash ?? (await this.decoy()));
    if (!user || !ok) {
      await this.backoff.recordFailure(username, clientAddress);
      throw wrongCredentials();
    }
    await this.backoff.recordSuccess(username);
    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.users.upgradePasswordHash(user.id, user.passwordHash, await this.hasher.hash(password));
    }
    const claims: JwtClaims = { sub: user.id, username: user.username, role: user.role, regionCode: user.regionCode };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, expiresAt: new Date(Date.now() + this.config.jwtTtlSeconds * 1000) };
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.hasher.hash('decoy-password-never-used');
    return this.decoyHash;
  }
}
