/** JWT issuer and audience: tokens from another deployment or for another purpose are refused. */
export const JWT_ISSUER = 'credit-platform';
export const JWT_AUDIENCE = 'credit-platform-api';

export interface JwtClaims {
  sub: string;
  username: string;
  role: 'ADMIN' | 'REGULATOR';
  regionCode: string | null;
}
