import { SignJWT } from 'jose';

export interface TokenClaims {
  sub: string;
  tenantId: string;
  role: string;
}

export interface TokenOptions {
  /** A jose duration ('5m', '12h') or an absolute expiry in epoch seconds. */
  expiresIn?: string | number;
}

/** Signs an HS256 bearer token the way the identity provider would, for local runs and tests. */
export function signToken(
  claims: TokenClaims,
  secret: string,
  { expiresIn = '1h' }: TokenOptions = {},
): Promise<string> {
  return new SignJWT({ tenantId: claims.tenantId, role: claims.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
