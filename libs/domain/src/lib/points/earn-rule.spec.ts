import fc from 'fast-check';
import { DEFAULT_EARN_RULE, pointsForPurchase } from './earn-rule';

const usd = (minor: bigint) => ({ minor, currency: 'USD' });

describe('pointsForPurchase', () => {
  it.each([
    [15000n, 15],
    [9999n, 9],
    [10000n, 10],
    [999n, 0],
    [0n, 0],
  ])('earns 1 point per whole 10.00 USD: %p cents → %p', (minor, points) => {
    // Act
    const earned = pointsForPurchase(usd(minor));

    // Assess
    expect(earned).toBe(points);
  });

  it('uses the currency exponent (JPY has no minor unit)', () => {
    // Act
    const earned = pointsForPurchase({ minor: 1500n, currency: 'JPY' });

    // Assess
    expect(earned).toBe(150);
  });

  it('applies a configured rate and always rounds down', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 1000 }),
        (minor, points, perAmount) => {
          // Act
          const earned = pointsForPurchase(usd(minor), { points, perAmount });

          // Assess
          const steps = minor / BigInt(perAmount * 100);
          expect(earned).toBe(Number(steps) * points);
        },
      ),
    );
  });

  it('never earns less for spending more', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 6n }), (a, extra) => {
        expect(pointsForPurchase(usd(a + extra), DEFAULT_EARN_RULE)).toBeGreaterThanOrEqual(
          pointsForPurchase(usd(a), DEFAULT_EARN_RULE),
        );
      }),
    );
  });
});
