import { SignJWT } from 'jose';

export interface TokenClaims {
  sub: string;
  tenantId: string;
  role: string;
}

/** Signs a test token the way an identity provider would, with the secret the API is given. */
export function signToken(
  claims: TokenClaims,
  secret: string,
  { expiresIn = '5m', algorithm = 'HS256' }: { expiresIn?: string | number; algorithm?: string } = {},
): Promise<string> {
  return new SignJWT({ tenantId: claims.tenantId, role: claims.role })
    .setProtectedHeader({ alg: algorithm })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
