import fc from 'fast-check';
import { normalizeReferralCode, referralCodeFor } from './referral';

describe('referral codes', () => {
  it('derives the same 8-character code from the same customer', () => {
    // Act
    const code = referralCodeFor('user_01JBX');

    // Assess
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(referralCodeFor('user_01JBX')).toBe(code);
    expect(referralCodeFor('user_01JBX', 1)).not.toBe(code);
  });

  it('reads back any code however a person types it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (userId) => {
        // Prepare
        const code = referralCodeFor(userId);
        const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`.replace(/1/g, 'l').replace(/0/g, 'o');

        // Act
        const read = normalizeReferralCode(typed);

        // Assess
        expect(read).toBe(code);
      }),
    );
  });

  it.each(['', 'ABC', 'ABCDEFGHJ', 'ABCD-EFU1'])('rejects %p', (text) => {
    // Act
    const read = normalizeReferralCode(text);

    // Assess
    expect(read).toBeUndefined();
  });
});
