import fc from 'fast-check';
import { generateReferralCode } from '../users/referral-code';
import { normalizeReferralCode } from './referral';

describe('referral codes', () => {
  it('reads back any code however a person types it', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 31 }), { minLength: 8, maxLength: 8 }), (draws) => {
        // Prepare
        const code = generateReferralCode(() => draws.shift() ?? 0);
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
