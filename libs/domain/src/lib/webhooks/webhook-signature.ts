import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { err, ok, Result } from '../shared/result';
import { WebhookRejectedError, WebhookRejectionReason } from './webhook-rejected-error';

/**
 * What every provider's verification shares: digests over the raw bytes, the constant-time
 * comparison, the freshness window and the parsing that happens only after the signature holds.
 */

/** Part of a signed message: text is taken as UTF-8, a Buffer as the bytes received. */
export type SignedPart = string | Buffer;

const asBytes = (part: SignedPart): Buffer => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part);

/** HMAC-SHA256 keyed by `secret` (its UTF-8 text) over the parts, concatenated. */
export function hmacSha256(secret: string, ...parts: readonly SignedPart[]): Buffer {
  const hmac = createHmac('sha256', secret);
  for (const part of parts) hmac.update(asBytes(part));
  return hmac.digest();
}

/** SHA-256 over the parts, concatenated (HubSpot's v1 and v2 signatures, batch ids). */
export function sha256(...parts: readonly SignedPart[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(asBytes(part));
  return hash.digest();
}

/**
 * Whether the signature text a request carries is the expected one, compared in constant time on
 * the bytes as sent (no decoding, so `AB` never passes for `ab`). Unequal lengths differ at once:
 * the length of a digest is no secret.
 */
export function sameSignature(given: string, expected: string): boolean {
  const givenBytes = Buffer.from(given, 'utf8');
  const expectedBytes = Buffer.from(expected, 'utf8');
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}

/**
 * Whether any of the given signatures is what any active secret signs: two secrets are active while
 * a tenant rotates, and Stripe sends one `v1` per secret of the endpoint. Blank secrets sign nothing.
 */
export function signedByAnySecret(
  secrets: readonly string[],
  signatures: readonly string[],
  sign: (secret: string) => string,
): boolean {
  return secrets
    .filter((secret) => secret.trim().length > 0)
    .some((secret) => {
      const expected = sign(secret);
      return signatures.some((signature) => sameSignature(signature, expected));
    });
}

const WHOLE_NUMBER = /^\d{1,15}$/;

/** A timestamp header's whole number (seconds or milliseconds, as the provider sends it). */
export function parseTimestamp(text: string | undefined): number | undefined {
  return text !== undefined && WHOLE_NUMBER.test(text) ? Number(text) : undefined;
}

/**
 * Whether a signature made at `signedAt` is still fresh at `now` (same units): not older than
 * `tolerance`, and not from further ahead than that either, so a clock far off, or a signature
 * prepared in advance, cannot stretch the replay window.
 */
export function isFresh(signedAt: number, now: number, tolerance: number): boolean {
  return Math.abs(now - signedAt) <= tolerance;
}

export function rejection(
  reason: WebhookRejectionReason,
  message: string,
  details: Record<string, unknown> = {},
  cause?: unknown,
): Result<never, WebhookRejectedError> {
  return err(new WebhookRejectedError(reason, message, details, cause === undefined ? undefined : { cause }));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as JSON, read only once its signature held: bytes that are not UTF-8 JSON are MALFORMED. */
export function parseJsonBody(body: Buffer, provider: string): Result<unknown, WebhookRejectedError> {
  try {
    return ok(JSON.parse(utf8.decode(body)));
  } catch (cause) {
    return rejection('MALFORMED', `The ${provider} delivery is signed but its body is not JSON`, {}, cause);
  }
}
