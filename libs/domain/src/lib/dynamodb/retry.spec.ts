import fc from 'fast-check';
import { backoffDelayMs, DEFAULT_BACKOFF } from './retry';

describe('backoffDelayMs', () => {
  it('stays within the exponential cap and never exceeds the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, random) => {
        // Act
        const delay = backoffDelayMs(attempt, DEFAULT_BACKOFF, () => random);

        // Assess
        const cap = Math.min(DEFAULT_BACKOFF.maxDelayMs, DEFAULT_BACKOFF.baseDelayMs * 2 ** attempt);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(cap);
      }),
    );
  });
});
