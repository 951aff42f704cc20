import { DateTime } from 'luxon';

const BIRTHDAY = /^(?:\d{4}-)?(\d{2})-(\d{2})$/;

/**
 * Whether `at` falls on the customer's birthday in the tenant's time zone. Someone born on 29
 * February celebrates on the 28th in other years. A birthday that is not a date never matches.
 */
export function isBirthdayOn(birthday: string, at: Date, timeZone: string): boolean {
  const match = BIRTHDAY.exec(birthday);
  if (!match) return false;
  const [month, day] = [Number(match[1]), Number(match[2])];
  if (!DateTime.fromObject({ year: 2000, month, day }).isValid) return false;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const celebrated = month === 2 && day === 29 && !local.isInLeapYear ? 28 : day;
  return local.month === month && local.day === celebrated;
}
