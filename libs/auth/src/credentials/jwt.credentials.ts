// People (admins, regulators): `Authorization: Bearer <JWT>`, HS256, issuer and audience checked. A token
// must carry `exp` (the JWT library would accept one without it forever), and its user must still be active.
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UserPrincipal } from '@credit/common';
import { JWT_AUDIENCE, JWT_ISSUER, JwtClaims } from '../auth.tokens';
import { UserStandingCache } from './user-standing.cache';

/** User ids are bigints written as strings (libs/db/src/base.entity.ts); anything else never reaches SQL. */
const USER_ID = /^[1-9]\d{0,18}$/;

@Injectable()
export class JwtCredentials {
  constructor(
    private readonly jwt: JwtService,
    private readonly standings: UserStandingCache,
  ) {}

  /** The user behind the token, or null for a forged, expired, exp-less, or disabled user's token. */
  async verify(token: string): Promise<UserPrincipal | null> {
    let claims: Partial<JwtClaims> & { exp?: unknown };
    try {
      claims = await this.jwt.verifyAsync(token, { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || !USER_ID.test(claims.sub)) return null;
    const standing = await this.standings.standingOf(claims.sub);
    if (!standing) return null;
    return { kind: 'USER', userId: claims.sub, username: standing.username, role: standing.role, regionCode: standing.regionCode };
  }
}
