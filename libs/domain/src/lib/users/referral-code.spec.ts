import fc from 'fast-check';
import { generateReferralCode } from './referral-code';

const REFERRAL_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

describe('referral codes', () => {
  it('are 8 characters of an alphabet without I, L, O and U, whatever the random draws', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 31 }), { minLength: 8, maxLength: 8 }), (draws) => {
        // Prepare
        const next = [...draws];

        // Act
        const code = generateReferralCode(() => next.shift() ?? 0);

        // Assess
        expect(code).toMatch(REFERRAL_CODE_PATTERN);
        expect(code).not.toMatch(/[ILOU]/);
      }),
    );
  });

  it('differ from one draw to the next', () => {
    // Act
    const codes = new Set(Array.from({ length: 1000 }, () => generateReferralCode()));

    // Assess
    expect(codes.size).toBe(1000);
  });
});
