import { ServiceUnavailableException } from '@nestjs/common';
import { createRemoteJWKSet, errors, JWTVerifyGetKey } from 'jose';

/** The keys bearer tokens are verified with, and the only algorithms accepted with them. */
export interface TokenKeys {
  readonly getKey: JWTVerifyGetKey;
  readonly algorithms: readonly string[];
}

/** Asymmetric algorithms an identity provider signs with; HS256 is never among them. */
export const KEY_SET_ALGORITHMS = ['RS256', 'ES256'] as const;

/** Failures of the key set's endpoint (down, slow, not a key set), as opposed to a bad token. */
const KEY_SET_UNAVAILABLE = new Set([
  errors.JWKSTimeout.code,
  errors.JWKSInvalid.code,
  errors.JOSEError.code,
]);

/**
 * A key set URL (production: the identity provider's JWKS) wins over the shared secret (local
 * runs): with it, only RS256/ES256 tokens signed by one of its keys are accepted.
 */
export function tokenKeys(settings: { jwksUrl?: string; secret?: string }): TokenKeys {
  if (settings.jwksUrl) {
    return { getKey: remoteKeySet(new URL(settings.jwksUrl)), algorithms: KEY_SET_ALGORITHMS };
  }
  if (!settings.secret) throw new Error('Bearer tokens need JWT_JWKS_URL or JWT_SECRET');
  const secret = new TextEncoder().encode(settings.secret);
  return { getKey: async () => secret, algorithms: ['HS256'] };
}

/**
 * jose's remote key set: fetched once per container, refreshed every 10 minutes, and at most every
 * 30 s when a token names a key it does not know. When the endpoint itself fails, the caller gets a
 * 503: the token may well be good, and a 401 would make the client throw it away.
 */
function remoteKeySet(url: URL): JWTVerifyGetKey {
  const keySet = createRemoteJWKSet(url, {
    timeoutDuration: 3_000,
    cooldownDuration: 30_000,
    cacheMaxAge: 600_000,
  });
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      if (error instanceof errors.JOSEError && !KEY_SET_UNAVAILABLE.has(error.code)) throw error;
      throw new ServiceUnavailableException('The identity provider keys cannot be fetched right now', {
        cause: error,
      });
    }
  };
}
