import { ValidationError } from './validation-error';
import { err, ok, Result } from './result';

/** An amount in integer minor units (cents for USD) of an ISO 4217 currency. */
export interface Money {
  readonly minor: bigint;
  readonly currency: string;
}

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

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
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) {
    return err(
      new ValidationError('Amount must be a non-negative decimal number', { amount: text }),
    );
  }
  const exponent = currencyExponent(currency);
  const [, whole, fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > exponent) {
    return err(
      new ValidationError(`${currency} amounts have at most ${exponent} decimal places`, {
        amount: text,
      }),
    );
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, '0').slice(0, exponent));
  return ok({ minor, currency });
}

/** Decimal text of an amount in minor units ("150.00"), without floating point. */
export function decimalFromMinor(minor: number | bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = BigInt(minor).toString().padStart(exponent + 1, '0');
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
