import { createHash } from 'node:crypto';

/**
 * A short, stable tag of a signing secret (the first 8 hex digits of its SHA-256), so that an owner
 * can tell which secrets are active without the API ever showing one.
 */
export function secretFingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 8);
}
