import { ValidationError } from './validation-error';
import { err, ok, Result } from './result';

/** An amount in integer minor units (cents for USD) of an ISO 4217 currency. */
export interface Money {
  readonly minor: bigint;
  readonly currency: string;
}

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));
const DECIMAL_TEXT = /^(\d+)(?:\.(\d+))?$/;

/** Digits after the decimal point for a currency: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyExponent(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/**
 * Reads a decimal amount as given in JSON (150, 150.5, "150.50") into minor units without floating
 * point arithmetic: the decimal text is split, never multiplied.
 */
export function moneyFromDecimal(
  amount: number | string,
  currency: string,
): Result<Money, ValidationError> {
  if (!knownCurrencies.has(currency)) {
    return err(new ValidationError(`Unknown currency "${currency}"`, { currency }));
  }
  const text = typeof amount === 'number' ? amount.toString() : amount.trim();
  if (!DECIMAL_TEXT.test(text)) {
    return err(
      new ValidationError('Amount must be a non-negative decimal number', { amount: text }),
    );
  }
  const exponent = currencyExponent(currency);
  const minor = minorFromDecimal(text, exponent);
  if (minor === undefined) {
    return err(
      new ValidationError(`${currency} amounts have at most ${exponent} decimal places`, {
        amount: text,
      }),
    );
  }
  return ok({ minor, currency });
}

/** Writes minor units back as the decimal text clients send: 15000n USD → "150.00", 1500n JPY → "1500". */
export function moneyToDecimal(money: Money): string {
  return decimalFromMinor(money.minor, currencyExponent(money.currency));
}

/**
 * Minor units of a plain decimal text at `exponent` decimals ("150.5", 2 → 15050n), by splitting
 * the text, never multiplying; undefined when the text has more significant decimals than that.
 * For providers whose minor units differ from the currency's (Stripe's two-decimal ISK).
 */
export function minorFromDecimal(text: string, exponent: number): bigint | undefined {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return undefined;
  const [, whole, fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > exponent) return undefined;
  return BigInt(whole + fraction.padEnd(exponent, '0').slice(0, exponent));
}

/** The decimal text of minor units at `exponent` decimals: 15000n, 2 → "150.00"; 1500n, 0 → "1500". */
export function decimalFromMinor(minor: bigint, exponent: number): string {
  const sign = minor < 0n ? '-' : '';
  const digits = (minor < 0n ? -minor : minor).toString().padStart(exponent + 1, '0');
  return exponent === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
