import { CampaignDefinition, CampaignKind, CapPeriod, HoursOfDay, Weekday } from './campaign';
import { Money, moneyToDecimal } from '../shared/money';

/**
 * The JSON shape of a campaign in `POST /campaigns`, `PATCH` and responses: the seed's body
 * (`type`, `multiplier`, `conditions`, `startDate`, `endDate`) plus the fields the other kinds,
 * limits and precedence need. Amounts are decimal numbers in `currency`.
 */
export interface CampaignBody {
  readonly name: string;
  readonly description?: string;
  readonly type: CampaignKind;
  readonly multiplier?: number;
  readonly threshold?: number;
  readonly points?: number;
  readonly nthOrder?: number;
  readonly lifetimeSpend?: number;
  readonly referrerPoints?: number;
  readonly refereePoints?: number;
  readonly maxReferralsPerReferrer?: number;
  readonly currency: string;
  readonly timeZone: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly conditions?: {
    readonly minAmount?: number;
    readonly categories?: readonly string[];
    readonly skus?: readonly string[];
    readonly channels?: readonly string[];
    readonly tiers?: readonly string[];
    readonly firstOrder?: boolean;
    readonly daysOfWeek?: readonly Weekday[];
    readonly hours?: HoursOfDay;
  };
  readonly limits?: {
    readonly perCustomer?: { readonly period: CapPeriod; readonly maxTimes?: number; readonly maxPoints?: number };
    readonly budget?: number;
  };
  readonly priority: number;
  readonly exclusive: boolean;
}

/** The body that parses back into `definition`: for responses, storage, and as the base a PATCH merges into. */
export function campaignDefinitionToBody(definition: CampaignDefinition): CampaignBody {
  const { conditions, limits } = definition;
  const { perCustomer } = limits;
  return {
    name: definition.name,
    ...(definition.description !== undefined && { description: definition.description }),
    type: definition.reward.kind,
    ...rewardFields(definition),
    currency: definition.currency,
    timeZone: definition.timeZone,
    ...(definition.startsAt !== undefined && { startDate: definition.startsAt }),
    ...(definition.endsAt !== undefined && { endDate: definition.endsAt }),
    conditions: {
      ...(conditions.minAmount !== undefined && { minAmount: decimal(conditions.minAmount) }),
      ...(conditions.categories !== undefined && { categories: conditions.categories }),
      ...(conditions.skus !== undefined && { skus: conditions.skus }),
      ...(conditions.channels !== undefined && { channels: conditions.channels }),
      ...(conditions.tiers !== undefined && { tiers: conditions.tiers }),
      ...(conditions.firstOrder !== undefined && { firstOrder: conditions.firstOrder }),
      ...(conditions.daysOfWeek !== undefined && { daysOfWeek: conditions.daysOfWeek }),
      ...(conditions.hours !== undefined && { hours: conditions.hours }),
    },
    limits: {
      ...(perCustomer !== undefined && {
        perCustomer: {
          period: perCustomer.period,
          ...(perCustomer.unit === 'times' ? { maxTimes: perCustomer.max } : { maxPoints: perCustomer.max }),
        },
      }),
      ...(limits.budget !== undefined && { budget: limits.budget }),
    },
    priority: definition.priority,
    exclusive: definition.exclusive,
  };
}

function rewardFields(definition: CampaignDefinition): Partial<CampaignBody> {
  const { reward } = definition;
  switch (reward.kind) {
    case 'purchase_multiplier':
      return { multiplier: reward.multiplier };
    case 'spend_threshold':
      return { threshold: decimal(reward.threshold), points: reward.points };
    case 'milestone':
      return 'nthOrder' in reward.target
        ? { nthOrder: reward.target.nthOrder, points: reward.points }
        : { lifetimeSpend: decimal(reward.target.lifetimeSpend), points: reward.points };
    case 'referral':
      return {
        referrerPoints: reward.referrerPoints,
        refereePoints: reward.refereePoints,
        ...(reward.maxReferralsPerReferrer !== undefined && {
          maxReferralsPerReferrer: reward.maxReferralsPerReferrer,
        }),
      };
    default:
      return { points: reward.points };
  }
}

function decimal(money: Money): number {
  return Number(moneyToDecimal(money));
}
