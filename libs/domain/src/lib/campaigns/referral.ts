import { createHash } from 'node:crypto';
import { CustomerFacts, ReferrerFacts } from './earning-input';

/** Crockford base 32: no I, L, O or U, so a code read aloud or retyped survives. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 8;

/**
 * A customer's referral code, derived from their id: no random source, the same on every call.
 * 8 characters carry 40 bits, so clashes are rare but possible: the caller keeps code → customer
 * unique and, when a code is taken, uses the next `attempt`.
 */
export function referralCodeFor(userId: string, attempt = 0): string {
  const digest = createHash('sha256').update(`${userId}#${attempt}`).digest();
  return [...digest.subarray(0, CODE_LENGTH)].map((byte) => CODE_ALPHABET[byte % 32]).join('');
}

/** A code as a person typed it: case, spaces and dashes do not matter, I and L read as 1, O as 0. */
export function normalizeReferralCode(text: string): string | undefined {
  const code = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return code.length === CODE_LENGTH && [...code].every((char) => CODE_ALPHABET.includes(char)) ? code : undefined;
}

/** A customer cannot refer themselves, neither by account nor by a second account with their email or phone. */
export function isSelfReferral(
  customer: Pick<CustomerFacts, 'userId' | 'email' | 'phone'>,
  referrer: ReferrerFacts,
): boolean {
  return (
    customer.userId === referrer.userId ||
    sameContact(customer.email, referrer.email, (email) => email.trim().toLowerCase()) ||
    sameContact(customer.phone, referrer.phone, (phone) => phone.replace(/\D/g, ''))
  );
}

function sameContact(a: string | undefined, b: string | undefined, normalize: (value: string) => string): boolean {
  return a !== undefined && b !== undefined && normalize(a) !== '' && normalize(a) === normalize(b);
}
