import { randomInt } from 'node:crypto';
import { REFERRAL_CODE_ALPHABET, REFERRAL_CODE_LENGTH } from '../campaigns/referral';

/** A random referral code; 32^8 (about 10^12) of them make a clash within a tenant rare. */
export function generateReferralCode(randomIndex: (size: number) => number = randomInt): string {
  return Array.from({ length: REFERRAL_CODE_LENGTH }, () => REFERRAL_CODE_ALPHABET[randomIndex(REFERRAL_CODE_ALPHABET.length)]).join('');
}
