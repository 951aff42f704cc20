import { Money } from '../shared/money';

export const CAMPAIGN_KINDS = [
  'purchase_multiplier',
  'spend_threshold',
  'flat_bonus',
  'signup_bonus',
  'milestone',
  'birthday',
  'referral',
] as const;

export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** The milestone a customer reaches: their nth completed order, or lifetime spend crossing an amount. */
export type MilestoneTarget = { readonly nthOrder: number } | { readonly lifetimeSpend: Money };

/** What a campaign gives. Points are whole numbers; amounts are minor units of the campaign's currency. */
export type CampaignReward =
  /** `multiplier`× the base points of the eligible items (2 → the base again as a bonus). */
  | { readonly kind: 'purchase_multiplier'; readonly multiplier: number }
  /** "Spend 100, get 50": `points` once the eligible amount reaches `threshold`. */
  | { readonly kind: 'spend_threshold'; readonly threshold: Money; readonly points: number }
  | { readonly kind: 'flat_bonus'; readonly points: number }
  | { readonly kind: 'signup_bonus'; readonly points: number }
  | { readonly kind: 'milestone'; readonly target: MilestoneTarget; readonly points: number }
  | { readonly kind: 'birthday'; readonly points: number }
  /** Both sides earn on the referred customer's first completed order. */
  | {
      readonly kind: 'referral';
      readonly referrerPoints: number;
      readonly refereePoints: number;
      readonly maxReferralsPerReferrer?: number;
    };

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock hours "HH:mm", `from` inclusive, `to` exclusive; `to` before `from` runs past midnight. */
export interface HoursOfDay {
  readonly from: string;
  readonly to: string;
}

/** Every condition set must hold. Calendar conditions use the campaign's time zone. */
export interface CampaignConditions {
  /** The whole order amount must reach it. */
  readonly minAmount?: Money;
  /** Lower-case; with `skus`, an item is eligible when it matches either list. */
  readonly categories?: readonly string[];
  readonly skus?: readonly string[];
  readonly channels?: readonly string[];
  readonly tiers?: readonly string[];
  readonly firstOrder?: boolean;
  readonly daysOfWeek?: readonly Weekday[];
  readonly hours?: HoursOfDay;
}

export const CAP_PERIODS = ['day', 'week', 'month', 'year', 'campaign'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

/** At most `max` awards (`times`) or `max` points per customer per period of the campaign's calendar. */
export interface CustomerCap {
  readonly period: CapPeriod;
  readonly unit: 'times' | 'points';
  readonly max: number;
}

export interface CampaignLimits {
  readonly perCustomer?: CustomerCap;
  /** Total points the campaign may give, to everyone, over its life. */
  readonly budget?: number;
}

/** A campaign as its owner defines it (the validated `POST /campaigns` body). */
export interface CampaignDefinition {
  readonly name: string;
  readonly description?: string;
  readonly reward: CampaignReward;
  /** Currency of every amount in the definition. */
  readonly currency: string;
  /** IANA zone of the campaign's calendar: local dates, days, hours and cap periods. */
  readonly timeZone: string;
  /** ISO instant, inclusive; none: running from activation. */
  readonly startsAt?: string;
  /** ISO instant, inclusive (an end given as a date resolves to the last millisecond of that day). */
  readonly endsAt?: string;
  readonly conditions: CampaignConditions;
  readonly limits: CampaignLimits;
  /** Higher first; breaks ties between exclusive campaigns and orders the lines. */
  readonly priority: number;
  /** When an exclusive campaign applies, no other campaign does. */
  readonly exclusive: boolean;
}

/** What the owner did: a draft waits for activation; a paused campaign gives nothing until resumed. */
export type CampaignControl = 'draft' | 'live' | 'paused';

export interface Campaign extends CampaignDefinition {
  readonly campaignId: string;
  readonly control: CampaignControl;
}

export function newCampaign(
  campaignId: string,
  definition: CampaignDefinition,
  control: 'draft' | 'live' = 'live',
): Campaign {
  return { ...definition, campaignId, control };
}
