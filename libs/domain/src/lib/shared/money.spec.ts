import fc from 'fast-check';
import { currencyExponent, decimalFromMinor, minorFromDecimal, moneyFromDecimal, moneyToDecimal } from './money';

describe('moneyFromDecimal', () => {
  it.each([
    [150, 'USD', 15000n],
    [150.5, 'USD', 15050n],
    ['150.50', 'USD', 15050n],
    [0.1, 'USD', 10n],
    [1500, 'JPY', 1500n],
    ['1.234', 'KWD', 1234n],
    ['10.500', 'USD', 1050n],
  ])('reads %p %s as %p minor units', (amount, currency, minor) => {
    // Act
    const money = moneyFromDecimal(amount, currency);

    // Assess
    expect(money).toEqual({ ok: true, value: { minor, currency } });
  });

  it.each([
    [150.123, 'USD'],
    [1500.5, 'JPY'],
    [-1, 'USD'],
    [Number.NaN, 'USD'],
    [Number.POSITIVE_INFINITY, 'USD'],
    [1e21, 'USD'],
    ['12,50', 'EUR'],
    [10, 'ABC'],
    [10, 'usd'],
  ])('rejects %p %s', (amount, currency) => {
    // Act
    const money = moneyFromDecimal(amount, currency);

    // Assess
    expect(money.ok).toBe(false);
    if (!money.ok) expect(money.error.code).toBe('VALIDATION_ERROR');
  });

  it('round-trips every decimal text of a whole number of minor units', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.constantFrom('USD', 'JPY', 'KWD', 'EUR'),
        (minor, currency) => {
          // Prepare
          const exponent = currencyExponent(currency);
          const digits = minor.toString().padStart(exponent + 1, '0');
          const text =
            exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;

          // Act
          const money = moneyFromDecimal(text, currency);

          // Assess
          expect(money).toEqual({ ok: true, value: { minor, currency } });
        },
      ),
    );
  });
});

describe('moneyToDecimal', () => {
  it.each([
    [15000n, 'USD', '150.00'],
    [5n, 'USD', '0.05'],
    [1500n, 'JPY', '1500'],
    [1234n, 'KWD', '1.234'],
  ])('writes %p %s as %s', (minor, currency, text) => {
    // Act
    const decimal = moneyToDecimal({ minor, currency });

    // Assess
    expect(decimal).toBe(text);
    expect(moneyFromDecimal(decimal, currency)).toEqual({ ok: true, value: { minor, currency } });
  });
});

describe('minorFromDecimal and decimalFromMinor (an exponent of the caller\'s, such as Stripe\'s)', () => {
  it.each([
    ['150.00', 2, 15000n, '150.00'],
    ['0.1', 2, 10n, '0.10'],
    ['5', 2, 500n, '5.00'],
    ['1500', 0, 1500n, '1500'],
    ['1.234', 3, 1234n, '1.234'],
  ])('reads %s at %d decimals as %p and writes it back as %s', (text, exponent, minor, written) => {
    // Act
    const read = minorFromDecimal(text, exponent);
    const back = decimalFromMinor(minor, exponent);

    // Assess
    expect(read).toBe(minor);
    expect(back).toBe(written);
  });

  it.each([
    ['1.234', 2],
    ['1.5', 0],
    ['-1', 2],
    ['1e3', 2],
    ['', 2],
  ])('reads %p at %d decimals as nothing', (text, exponent) => {
    // Act
    const read = minorFromDecimal(text, exponent);

    // Assess
    expect(read).toBeUndefined();
  });
});
