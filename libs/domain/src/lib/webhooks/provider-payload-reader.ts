import { FieldReader } from '../shared/field-reader';
import { isIdentifier } from '../shared/identifier';
import { decimalFromMinor, Money, moneyToDecimal } from '../shared/money';

/** Up to 15 digits, a decimal amount survives the trip through a JSON number unchanged. */
const MAX_MINOR_UNITS = 999_999_999_999_999n;
const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * Reads a provider's payload defensively: every field is checked before use, so an unexpected
 * shape becomes a VALIDATION_ERROR naming the bad paths, never a TypeError. Amounts are turned
 * into decimal numbers through their text, never by floating-point arithmetic.
 */
export class ProviderPayloadReader extends FieldReader {
  /** Absent (missing or null) is allowed; anything else must be an object. */
  optionalObject(path: string, value: unknown): Record<string, unknown> | undefined {
    return value === undefined || value === null ? undefined : this.object(path, value);
  }

  array(path: string, value: unknown, maxItems: number): readonly unknown[] | undefined {
    if (Array.isArray(value) && value.length <= maxItems) return value;
    return this.fail(path, `a list of at most ${maxItems} items`);
  }

  /** Missing, null or blank reads as absent; a value of another type is a problem. */
  optionalText(path: string, value: unknown, maxLength: number): string | undefined {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      return undefined;
    }
    return this.text(path, value, maxLength);
  }

  /** A provider's id, sent as text or as a whole number, as text fit for a key (IDENTIFIER_PATTERN). */
  identifier(path: string, value: unknown): string | undefined {
    const text = Number.isSafeInteger(value) && (value as number) >= 0 ? String(value) : value;
    if (isIdentifier(text)) return text;
    return this.fail(path, 'an id of 1 to 128 letters, digits or _ . : - (a whole number within 2^53 when numeric)');
  }

  /** An amount in integer minor units, as a decimal number with `exponent` decimals (15000, 2 → 150). */
  minorUnits(path: string, value: unknown, exponent: number): number | undefined {
    if (Number.isSafeInteger(value) && (value as number) >= 0 && BigInt(value as number) <= MAX_MINOR_UNITS) {
      return Number(decimalFromMinor(BigInt(value as number), exponent));
    }
    return this.fail(path, 'a whole, non-negative number of minor units');
  }

  /** A decimal amount such as "199.00" in `currency`, kept in minor units. */
  money(path: string, value: unknown, currency: string): Money | undefined {
    const money = this.amount(path, value, currency, false);
    if (money === undefined || money.minor <= MAX_MINOR_UNITS) return money;
    return this.fail(path, `an amount below 10^15 minor units of ${currency}`);
  }

  /** A decimal amount such as "199.00" in `currency`, as the number 199. */
  decimal(path: string, value: unknown, currency: string): number | undefined {
    const money = this.money(path, value, currency);
    return money === undefined ? undefined : decimalNumber(money);
  }
}

/** The JSON number of an amount, from its decimal text (15000n USD → 150). */
export function decimalNumber(money: Money): number {
  return Number(moneyToDecimal(money));
}

/** A phone number only when it is already in E.164 form; other forms are left out, not guessed. */
export function e164Phone(value: unknown): string | undefined {
  return typeof value === 'string' && E164.test(value.trim()) ? value.trim() : undefined;
}

