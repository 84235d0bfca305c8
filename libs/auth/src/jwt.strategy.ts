import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { PLATFORM_SECRETS, PlatformSecrets, UserPrincipal } from '@credit/common';
import { JWT_AUDIENCE, JWT_ISSUER, JwtClaims } from './auth.tokens';

/** People (admins, regulators): `Authorization: Bearer <JWT>`; short-lived, issuer and audience checked. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(PLATFORM_SECRETS) secrets: PlatformSecrets) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secrets.jwtSecret,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: JwtClaims): UserPrincipal {
    return { kind: 'USER', userId: claims.sub, username: claims.username, role: claims.role, regionCode: claims.regionCode };
  }
}
