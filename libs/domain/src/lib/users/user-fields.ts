import { isEmail } from 'class-validator';
import { DateTime } from 'luxon';
import { normalizeReferralCode } from '../campaigns/referral';

/** E.164: a plus sign and up to 15 digits, the first not 0. */
export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;
const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 200;
const MAX_EXTERNAL_IDS = 10;

const BIRTHDAY_PATTERN = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/;
const PROVIDER_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
const EXTERNAL_ID_PATTERN = /^[\x21-\x7E]{1,256}$/;
// Any control character, including DEL and the C1 range.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;
/** A year-less birthday is checked against a leap year, so 02-29 is a valid one. */
const LEAP_YEAR = 2000;
const EARLIEST_BIRTH_YEAR = 1900;

/** Emails are compared trimmed and lower-cased, so one mailbox is one customer. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Each `…Problem` function describes what a valid value looks like, or is undefined when it is one. */
function emailProblem(email: string): string | undefined {
  return email.length <= MAX_EMAIL_LENGTH && isEmail(email) ? undefined : 'a valid email address';
}

function phoneProblem(phone: string): string | undefined {
  return E164_PATTERN.test(phone) ? undefined : 'an E.164 phone number, e.g. +14155550123';
}

export function nameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_NAME_LENGTH && !CONTROL_CHARACTER.test(trimmed)
    ? undefined
    : `1–${MAX_NAME_LENGTH} characters, no control characters`;
}

/** A real calendar date, not in the future, born in 1900 or later; or a real month and day. */
export function birthdayProblem(birthday: string, today: Date): string | undefined {
  const description = 'YYYY-MM-DD or MM-DD, a real date not in the future';
  const match = BIRTHDAY_PATTERN.exec(birthday);
  if (!match) return description;
  const [, year, month, day] = match;
  const date = DateTime.fromObject(
    { year: year ? Number(year) : LEAP_YEAR, month: Number(month), day: Number(day) },
    { zone: 'UTC' },
  );
  if (!date.isValid) return description;
  if (year && (date.year < EARLIEST_BIRTH_YEAR || date.toJSDate() > today)) return description;
  return undefined;
}

export function providerProblem(provider: string): string | undefined {
  return PROVIDER_PATTERN.test(provider) ? undefined : 'a provider name: a-z first, then a-z, 0-9, _ or -, 32 characters at most';
}

export function externalIdProblem(id: unknown): string | undefined {
  return typeof id === 'string' && EXTERNAL_ID_PATTERN.test(id) ? undefined : '1–256 visible characters';
}

export function externalIdsProblem(externalIds: unknown): string | undefined {
  const description = `at most ${MAX_EXTERNAL_IDS} provider names (a-z, 0-9, _ -) each mapped to an id of 1–256 visible characters`;
  if (typeof externalIds !== 'object' || externalIds === null || Array.isArray(externalIds)) return description;
  const entries = Object.entries(externalIds);
  const valid =
    entries.length <= MAX_EXTERNAL_IDS &&
    entries.every(([provider, id]) => providerProblem(provider) === undefined && externalIdProblem(id) === undefined);
  return valid ? undefined : description;
}

/** The user fields a request may set, as sent. */
export interface UserFieldValues {
  readonly email?: string;
  readonly name?: string;
  readonly phone?: string;
  readonly birthday?: string;
  readonly referredBy?: string;
  readonly externalIds?: unknown;
}

/** Every given field that is not valid, with what a valid value looks like. */
export function userFieldProblems(fields: UserFieldValues, today: Date): Record<string, string> {
  const checks: [keyof UserFieldValues, string | undefined][] = [
    ['email', fields.email === undefined ? undefined : emailProblem(normalizeEmail(fields.email))],
    ['name', fields.name === undefined ? undefined : nameProblem(fields.name)],
    ['phone', fields.phone === undefined ? undefined : phoneProblem(fields.phone)],
    ['birthday', fields.birthday === undefined ? undefined : birthdayProblem(fields.birthday, today)],
    ['referredBy', fields.referredBy === undefined ? undefined : referralCodeProblem(fields.referredBy)],
    ['externalIds', fields.externalIds === undefined ? undefined : externalIdsProblem(fields.externalIds)],
  ];
  return Object.fromEntries(checks.filter((check): check is [keyof UserFieldValues, string] => check[1] !== undefined));
}

function referralCodeProblem(code: string): string | undefined {
  return normalizeReferralCode(code) !== undefined ? undefined : 'a referral code of 8 letters and digits';
}
