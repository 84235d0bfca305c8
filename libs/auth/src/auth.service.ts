import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig, unauthenticated } from '@credit/common';
import { JwtClaims } from './auth.tokens';
import { hashPassword, verifyPassword } from './password-hasher';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  // Compared against when the user does not exist, so timing does not reveal which usernames exist.
  private readonly decoyHash = hashPassword('decoy-password-never-used');

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; expiresAt: Date }> {
    const user = await this.users.findActiveByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !ok) throw unauthenticated('Wrong username or password');
    const claims: JwtClaims = { sub: user.id, username: user.username, role: user.role, regionCode: user.regionCode };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, expiresAt: new Date(Date.now() + this.config.jwtTtlSeconds * 1000) };
  }
}
