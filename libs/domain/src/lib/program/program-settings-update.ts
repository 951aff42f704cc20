import { IANAZone } from 'luxon';
import { ValidationError } from '../shared/validation-error';
import { err, ok, Result } from '../shared/result';
import { ExpiryPolicy, ProgramSettings, ReversalPolicy } from './program-settings';
import { tierSettingsProblems } from '../tiers/tier-settings';
import { moneyFromDecimal } from '../shared/money';

/** A partial change to a program, as a tenant owner sends it; unset (or undefined) fields keep their value. */
export type ProgramSettingsUpdate = {
  readonly [K in keyof ProgramSettings]?: ProgramSettings[K];
};

const REVERSAL_POLICIES: readonly ReversalPolicy[] = ['allow_negative', 'clamp'];
const MAX_DAYS = 3660;

/** Applies an update to a program, rejecting any value the ledger could not honour. */
export function updateProgramSettings(
  current: ProgramSettings,
  update: ProgramSettingsUpdate,
): Result<ProgramSettings, ValidationError> {
  const given = Object.entries(update).filter(([, value]) => value !== undefined);
  const next: ProgramSettings = { ...current, ...Object.fromEntries(given) };
  const problems: Record<string, string> = {};
  const { earnRule, pendingDays, expiry, reversalPolicy, expiringSoonDays, timeZone, currency, tiers, createCustomersFromEvents } = next;
  if (!isWholeBetween(earnRule?.points, 0, 1_000_000) || !isWholeBetween(earnRule?.perAmount, 1, 1_000_000)) {
    problems['earnRule'] = 'points (0–1000000) and perAmount (1–1000000) must be whole numbers';
  }
  if (!isWholeBetween(pendingDays, 0, MAX_DAYS)) problems['pendingDays'] = `a whole number of days, 0–${MAX_DAYS}`;
  if (!isExpiryPolicy(expiry)) {
    problems['expiry'] =
      '{"kind":"none"}, {"kind":"days_after_earning","days":1–3660} or {"kind":"end_of_month_after","months":0–120}';
  }
  if (!REVERSAL_POLICIES.includes(reversalPolicy)) problems['reversalPolicy'] = REVERSAL_POLICIES.join(' or ');
  if (!isWholeBetween(expiringSoonDays, 1, 365)) problems['expiringSoonDays'] = 'a whole number of days, 1–365';
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) problems['timeZone'] = 'an IANA time zone, e.g. Europe/Paris';
  if (typeof currency !== 'string' || !moneyFromDecimal(0, currency).ok) {
    problems['currency'] = 'an ISO 4217 currency code, e.g. USD';
  }
  if (tiers !== undefined) Object.assign(problems, tierSettingsProblems(tiers));
  if (typeof createCustomersFromEvents !== 'boolean') problems['createCustomersFromEvents'] = 'true or false';
  if (Object.keys(problems).length > 0) {
    return err(new ValidationError('Invalid program settings', { fields: problems }));
  }
  // Rebuilt field by field: plain data of exactly the known fields, whatever object the update was.
  return ok({
    earnRule: { points: earnRule.points, perAmount: earnRule.perAmount },
    pendingDays,
    expiry: canonicalExpiry(expiry),
    reversalPolicy,
    expiringSoonDays,
    timeZone,
    currency,
    // Tier settings are plain JSON data (numbers, strings, arrays); the round trip drops any class.
    ...(tiers !== undefined && { tiers: JSON.parse(JSON.stringify(tiers)) as typeof tiers }),
    createCustomersFromEvents,
  });
}

function canonicalExpiry(policy: ExpiryPolicy): ExpiryPolicy {
  switch (policy.kind) {
    case 'none':
      return { kind: 'none' };
    case 'days_after_earning':
      return { kind: policy.kind, days: policy.days };
    case 'end_of_month_after':
      return { kind: policy.kind, months: policy.months };
  }
}

/** Exactly the fields of its kind: a stray `days` or `months` would be stored and never honoured. */
function isExpiryPolicy(policy: ExpiryPolicy): boolean {
  switch (policy?.kind) {
    case 'none':
      return hasExactly(policy, ['kind']);
    case 'days_after_earning':
      return hasExactly(policy, ['kind', 'days']) && isWholeBetween(policy.days, 1, MAX_DAYS);
    case 'end_of_month_after':
      return hasExactly(policy, ['kind', 'months']) && isWholeBetween(policy.months, 0, 120);
    default:
      return false;
  }
}

function hasExactly(value: object, fields: string[]): boolean {
  const present = Object.keys(value).filter((field) => (value as Record<string, unknown>)[field] !== undefined);
  return present.length === fields.length && fields.every((field) => present.includes(field));
}

function isWholeBetween(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}
