import { IANAZone } from 'luxon';
import { Money, moneyFromDecimal } from './money';
import { ValidationError } from './validation-error';

/**
 * Reads the fields of an untrusted JSON body and collects one message per bad field (by dotted
 * path), so a client learns about every problem in one response instead of one per attempt.
 * Each reader returns undefined when the field is bad.
 */
export class FieldReader {
  private readonly problems: Record<string, string> = {};

  get failed(): boolean {
    return Object.keys(this.problems).length > 0;
  }

  /** A `VALIDATION_ERROR` whose `details.fields` maps each bad path to what it must be. */
  toError(message: string): ValidationError {
    return new ValidationError(message, { fields: { ...this.problems } });
  }

  fail(path: string, message: string): undefined {
    this.problems[path] ??= message;
    return undefined;
  }

  object(path: string, value: unknown): Record<string, unknown> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    return this.fail(path, 'an object');
  }

  /** Flags every key of `body` that is not in `allowed`: a misspelt option must not be ignored silently. */
  onlyKnownKeys(prefix: string, body: Record<string, unknown>, allowed: readonly string[]): void {
    for (const key of Object.keys(body)) {
      if (!allowed.includes(key)) this.fail(`${prefix}${key}`, 'unknown field');
    }
  }

  text(path: string, value: unknown, maxLength: number): string | undefined {
    if (typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength) return value.trim();
    return this.fail(path, `a non-empty text of at most ${maxLength} characters`);
  }

  whole(path: string, value: unknown, min: number, max: number): number | undefined {
    if (Number.isInteger(value) && (value as number) >= min && (value as number) <= max) return value as number;
    return this.fail(path, `a whole number from ${min} to ${max}`);
  }

  flag(path: string, value: unknown): boolean | undefined {
    if (typeof value === 'boolean') return value;
    return this.fail(path, 'true or false');
  }

  oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[]): T | undefined {
    if (allowed.includes(value as T)) return value as T;
    return this.fail(path, `one of ${allowed.join(', ')}`);
  }

  /** An ISO 4217 code such as USD. */
  currency(path: string, value: unknown): string | undefined {
    if (typeof value === 'string' && moneyFromDecimal(0, value).ok) return value;
    return this.fail(path, 'an ISO 4217 currency code, e.g. USD');
  }

  /** An IANA time zone such as Europe/Paris. */
  timeZone(path: string, value: unknown): string | undefined {
    if (typeof value === 'string' && IANAZone.isValidZone(value)) return value;
    return this.fail(path, 'an IANA time zone, e.g. Europe/Paris');
  }

  /** A decimal amount (150, "150.00") in `currency`, held as minor units; `positive` rejects zero. */
  amount(path: string, value: unknown, currency: string, positive: boolean): Money | undefined {
    const money =
      typeof value === 'number' || typeof value === 'string' ? moneyFromDecimal(value, currency) : undefined;
    if (money?.ok && (!positive || money.value.minor > 0n)) return money.value;
    return this.fail(path, `a ${positive ? 'positive' : 'non-negative'} decimal amount in ${currency}`);
  }

  /** A factor such as 2 or 1.5: at most two decimals, so that multiplying points stays integer arithmetic. */
  factor(path: string, value: unknown, min: number, max: number): number | undefined {
    const decimal = typeof value === 'number' && /^\d+(\.\d{1,2})?$/.test(String(value));
    if (decimal && (value as number) >= min && (value as number) <= max) return value as number;
    return this.fail(path, `a number from ${min} to ${max} with at most two decimals`);
  }

  /** A non-empty list of distinct non-empty texts. */
  list(path: string, value: unknown, maxItems: number): string[] | undefined {
    const valid =
      Array.isArray(value) &&
      value.length > 0 &&
      value.length <= maxItems &&
      value.every((item) => typeof item === 'string' && item.trim().length > 0 && item.length <= 100);
    if (valid) return [...new Set(value.map((item: string) => item.trim()))];
    return this.fail(path, `a list of 1 to ${maxItems} non-empty texts`);
  }
}
