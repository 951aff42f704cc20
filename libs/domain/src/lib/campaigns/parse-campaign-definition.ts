import {
  CAMPAIGN_KINDS,
  CAP_PERIODS,
  CampaignConditions,
  CampaignDefinition,
  CampaignKind,
  CampaignLimits,
  CampaignReward,
  HoursOfDay,
  Weekday,
  WEEKDAYS,
} from './campaign';
import { resolveCampaignBound } from './campaign-window';
import { FieldReader } from '../shared/field-reader';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';

/** What a body may leave out and the tenant supplies: pass the tenant's currency and `ProgramSettings.timeZone`. */
export interface CampaignDefaults {
  readonly currency: string;
  readonly timeZone: string;
}

export const DEFAULT_CAMPAIGN_DEFAULTS: CampaignDefaults = { currency: 'USD', timeZone: 'UTC' };

/** SPEC: a signup bonus gives 100 points unless the campaign says otherwise. */
export const DEFAULT_SIGNUP_POINTS = 100;

const MAX_POINTS = 1_000_000;
const COMMON_FIELDS = [
  'name',
  'description',
  'type',
  'currency',
  'timeZone',
  'startDate',
  'endDate',
  'conditions',
  'limits',
  'priority',
  'exclusive',
];
const REWARD_FIELDS: Record<CampaignKind, readonly string[]> = {
  purchase_multiplier: ['multiplier'],
  spend_threshold: ['threshold', 'points'],
  flat_bonus: ['points'],
  signup_bonus: ['points'],
  milestone: ['points', 'nthOrder', 'lifetimeSpend'],
  birthday: ['points'],
  referral: ['referrerPoints', 'refereePoints', 'maxReferralsPerReferrer'],
};
const CONDITION_FIELDS = ['minAmount', 'categories', 'skus', 'channels', 'tiers', 'firstOrder', 'daysOfWeek', 'hours'];
/** Conditions about an order, meaningless for campaigns that do not reward orders. */
const ORDER_CONDITIONS = ['minAmount', 'categories', 'skus', 'firstOrder'];
/** Kinds whose per-customer limit is part of what they are (see `customerCap`). */
const FIXED_CAPS: Partial<Record<CampaignKind, string>> = {
  signup_bonus: 'a signup bonus is given once per customer',
  milestone: 'a milestone is rewarded once per customer',
  birthday: 'a birthday bonus is given once a year',
  referral: 'use maxReferralsPerReferrer',
};
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Validates a campaign body (the seed's `POST /campaigns` shape) into a definition. Every bad field
 * is reported in `details.fields` under its dotted path; unknown fields are errors, not ignored.
 */
export function parseCampaignDefinition(
  input: unknown,
  defaults: CampaignDefaults = DEFAULT_CAMPAIGN_DEFAULTS,
): Result<CampaignDefinition, ValidationError> {
  const read = new FieldReader();
  const body = read.object('body', input);
  if (body === undefined) return err(read.toError('A campaign must be a JSON object'));

  const kind = read.oneOf('type', body['type'], CAMPAIGN_KINDS);
  const knownFields = kind === undefined ? Object.values(REWARD_FIELDS).flat() : REWARD_FIELDS[kind];
  read.onlyKnownKeys('', body, [...COMMON_FIELDS, ...knownFields]);
  const name = read.text('name', body['name'], 200);
  const description = given(body['description']) ? read.text('description', body['description'], 2000) : undefined;
  const currency = given(body['currency']) ? read.currency('currency', body['currency']) : defaults.currency;
  const timeZone = given(body['timeZone']) ? read.timeZone('timeZone', body['timeZone']) : defaults.timeZone;
  const zone = timeZone ?? defaults.timeZone;
  const startsAt = readBound(read, 'startDate', body['startDate'], zone);
  const endsAt = readBound(read, 'endDate', body['endDate'], zone);
  if (startsAt !== undefined && endsAt !== undefined && Date.parse(endsAt) <= Date.parse(startsAt)) {
    read.fail('endDate', 'after startDate');
  }
  const money = currency ?? defaults.currency;
  const reward = kind === undefined ? undefined : readReward(read, kind, body, money);
  const conditions = readConditions(read, kind, body['conditions'], money);
  const limits = readLimits(read, kind, body['limits']);
  const priority = given(body['priority']) ? read.whole('priority', body['priority'], -1000, 1000) : 0;
  const exclusive = given(body['exclusive']) ? read.flag('exclusive', body['exclusive']) : false;

  if (
    read.failed ||
    name === undefined ||
    reward === undefined ||
    currency === undefined ||
    timeZone === undefined ||
    priority === undefined ||
    exclusive === undefined
  ) {
    return err(read.toError('Invalid campaign'));
  }
  return ok({
    name,
    ...(description !== undefined && { description }),
    reward,
    currency,
    timeZone,
    ...(startsAt !== undefined && { startsAt }),
    ...(endsAt !== undefined && { endsAt }),
    conditions,
    limits,
    priority,
    exclusive,
  });
}

/** JSON `null` counts as "not given", so clients may send explicit nulls for optional fields. */
function given(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function readBound(read: FieldReader, path: string, value: unknown, timeZone: string): string | undefined {
  if (!given(value)) return undefined;
  const instant =
    typeof value === 'string'
      ? resolveCampaignBound(value, path === 'startDate' ? 'start' : 'end', timeZone)
      : undefined;
  return instant ?? read.fail(path, 'an ISO date (2025-11-24), local date-time or instant (2025-11-24T00:00:00Z)');
}

function readPoints(read: FieldReader, path: string, value: unknown, fallback?: number): number | undefined {
  if (!given(value) && fallback !== undefined) return fallback;
  return read.whole(path, value, 1, MAX_POINTS);
}

function readReward(
  read: FieldReader,
  kind: CampaignKind,
  body: Record<string, unknown>,
  currency: string,
): CampaignReward | undefined {
  switch (kind) {
    case 'purchase_multiplier': {
      const multiplier = read.factor('multiplier', body['multiplier'], 1.01, 100);
      return multiplier === undefined ? undefined : { kind, multiplier };
    }
    case 'spend_threshold': {
      const threshold = read.amount('threshold', body['threshold'], currency, true);
      const points = readPoints(read, 'points', body['points']);
      return threshold === undefined || points === undefined ? undefined : { kind, threshold, points };
    }
    case 'signup_bonus':
    case 'flat_bonus':
    case 'birthday': {
      const points = readPoints(
        read,
        'points',
        body['points'],
        kind === 'signup_bonus' ? DEFAULT_SIGNUP_POINTS : undefined,
      );
      return points === undefined ? undefined : { kind, points };
    }
    case 'milestone':
      return readMilestone(read, body, currency);
    case 'referral':
      return readReferral(read, body);
  }
}

function readMilestone(read: FieldReader, body: Record<string, unknown>, currency: string): CampaignReward | undefined {
  const points = readPoints(read, 'points', body['points']);
  if (given(body['nthOrder']) === given(body['lifetimeSpend'])) {
    return read.fail('nthOrder', 'exactly one of nthOrder (the nth completed order) or lifetimeSpend (an amount)');
  }
  const target = given(body['nthOrder'])
    ? wrap(read.whole('nthOrder', body['nthOrder'], 1, 100_000), (nthOrder) => ({ nthOrder }))
    : wrap(read.amount('lifetimeSpend', body['lifetimeSpend'], currency, true), (lifetimeSpend) => ({ lifetimeSpend }));
  return target === undefined || points === undefined ? undefined : { kind: 'milestone', target, points };
}

function readReferral(read: FieldReader, body: Record<string, unknown>): CampaignReward | undefined {
  const referrerPoints = given(body['referrerPoints'])
    ? read.whole('referrerPoints', body['referrerPoints'], 0, MAX_POINTS)
    : 0;
  const refereePoints = given(body['refereePoints'])
    ? read.whole('refereePoints', body['refereePoints'], 0, MAX_POINTS)
    : 0;
  const max = body['maxReferralsPerReferrer'];
  const maxReferralsPerReferrer = given(max) ? read.whole('maxReferralsPerReferrer', max, 1, MAX_POINTS) : undefined;
  if (referrerPoints === undefined || refereePoints === undefined) return undefined;
  if (referrerPoints + refereePoints === 0)
    return read.fail('referrerPoints', 'referrerPoints or refereePoints above 0');
  if (given(max) && maxReferralsPerReferrer === undefined) return undefined;
  return {
    kind: 'referral',
    referrerPoints,
    refereePoints,
    ...(maxReferralsPerReferrer !== undefined && { maxReferralsPerReferrer }),
  };
}

function readConditions(
  read: FieldReader,
  kind: CampaignKind | undefined,
  value: unknown,
  currency: string,
): CampaignConditions {
  if (!given(value)) return {};
  const body = read.object('conditions', value);
  if (body === undefined) return {};
  read.onlyKnownKeys('conditions.', body, CONDITION_FIELDS);
  if (kind === 'signup_bonus' || kind === 'birthday') {
    for (const key of ORDER_CONDITIONS.filter((field) => given(body[field]))) {
      read.fail(`conditions.${key}`, `applies to orders only, not to ${kind}`);
    }
  }
  const { minAmount, categories, skus, channels, tiers, firstOrder, daysOfWeek, hours } = body;
  const days = given(daysOfWeek) ? read.list('conditions.daysOfWeek', daysOfWeek, 7) : undefined;
  if (days?.some((day) => !WEEKDAYS.includes(day as Weekday))) {
    read.fail('conditions.daysOfWeek', `days among ${WEEKDAYS.join(', ')}`);
  }
  return {
    ...(given(minAmount) && { minAmount: read.amount('conditions.minAmount', minAmount, currency, false) }),
    ...(given(categories) && {
      categories: read.list('conditions.categories', categories, 100)?.map((category) => category.toLowerCase()),
    }),
    ...(given(skus) && { skus: read.list('conditions.skus', skus, 1000) }),
    ...(given(channels) && { channels: read.list('conditions.channels', channels, 20) }),
    ...(given(tiers) && { tiers: read.list('conditions.tiers', tiers, 20) }),
    ...(given(firstOrder) && { firstOrder: read.flag('conditions.firstOrder', firstOrder) }),
    ...(days !== undefined && { daysOfWeek: days as Weekday[] }),
    ...(given(hours) && { hours: readHours(read, hours) }),
  };
}

function readHours(read: FieldReader, value: unknown): HoursOfDay | undefined {
  const body = read.object('conditions.hours', value);
  if (body === undefined) return undefined;
  read.onlyKnownKeys('conditions.hours.', body, ['from', 'to']);
  const { from, to } = body;
  if (
    typeof from !== 'string' ||
    typeof to !== 'string' ||
    !CLOCK_TIME.test(from) ||
    !CLOCK_TIME.test(to) ||
    from === to
  ) {
    return read.fail('conditions.hours', 'two different local times "HH:mm", e.g. {"from": "09:00", "to": "12:00"}');
  }
  return { from, to };
}

function readLimits(read: FieldReader, kind: CampaignKind | undefined, value: unknown): CampaignLimits {
  if (!given(value)) return {};
  const body = read.object('limits', value);
  if (body === undefined) return {};
  read.onlyKnownKeys('limits.', body, ['perCustomer', 'budget']);
  const fixedCap = kind === undefined ? undefined : FIXED_CAPS[kind];
  if (fixedCap !== undefined && given(body['perCustomer'])) read.fail('limits.perCustomer', fixedCap);
  const perCustomer =
    given(body['perCustomer']) && fixedCap === undefined ? readCap(read, body['perCustomer']) : undefined;
  return {
    ...(perCustomer !== undefined && { perCustomer }),
    ...(given(body['budget']) && { budget: read.whole('limits.budget', body['budget'], 1, 1_000_000_000_000) }),
  };
}

function readCap(read: FieldReader, value: unknown): CampaignLimits['perCustomer'] {
  const body = read.object('limits.perCustomer', value);
  if (body === undefined) return undefined;
  read.onlyKnownKeys('limits.perCustomer.', body, ['period', 'maxTimes', 'maxPoints']);
  const period = read.oneOf('limits.perCustomer.period', body['period'], CAP_PERIODS);
  if (given(body['maxTimes']) === given(body['maxPoints'])) {
    return read.fail('limits.perCustomer', 'exactly one of maxTimes or maxPoints');
  }
  const field = given(body['maxTimes']) ? 'maxTimes' : 'maxPoints';
  const max = read.whole(`limits.perCustomer.${field}`, body[field], 1, 1_000_000_000);
  if (period === undefined || max === undefined) return undefined;
  return { period, unit: field === 'maxTimes' ? 'times' : 'points', max };
}

function wrap<T, U>(value: T | undefined, build: (value: T) => U): U | undefined {
  return value === undefined ? undefined : build(value);
}
