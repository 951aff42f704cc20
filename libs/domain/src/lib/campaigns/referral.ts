import { CustomerFacts, ReferrerFacts } from './earning-input';

/** Crockford base 32: no I, L, O or U, so a code read aloud or retyped survives. */
export const REFERRAL_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERRAL_CODE_LENGTH = 8;

/** A code as a person typed it: case, spaces and dashes do not matter, I and L read as 1, O as 0. */
export function normalizeReferralCode(text: string): string | undefined {
  const code = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return code.length === REFERRAL_CODE_LENGTH && [...code].every((char) => REFERRAL_CODE_ALPHABET.includes(char)) ? code : undefined;
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
