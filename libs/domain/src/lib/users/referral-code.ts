import { randomInt } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand stays right. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;

export const REFERRAL_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** A random referral code; 32^8 (about 10^12) of them make a clash within a tenant rare. */
export function generateReferralCode(randomIndex: (size: number) => number = randomInt): string {
  return Array.from({ length: LENGTH }, () => ALPHABET[randomIndex(ALPHABET.length)]).join('');
}

/** Codes are typed by people: surrounding spaces and lower case are forgiven. */
export function normalizeReferralCode(code: string): string {
  return code.trim().toUpperCase();
}
