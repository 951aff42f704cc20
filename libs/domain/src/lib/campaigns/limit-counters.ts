import { DateTime } from 'luxon';
import { Campaign, CampaignDefinition, CapPeriod, CustomerCap } from './campaign';

/** A limit an award counts against: the campaign budget or one customer's cap for one period. */
export interface CounterRef {
  readonly counterId: string;
  readonly limit: number;
  /** `points` counters grow by the points awarded, `times` counters by one per award. */
  readonly unit: 'points' | 'times';
  readonly scope: 'budget' | 'cap';
  readonly cap?: CustomerCap;
}

/**
 * Counter ids are unique within a tenant (campaign ids are): `budget#<campaignId>` and
 * `cap#<campaignId>#<userId>#<periodKey>`, the period key in the campaign's time zone.
 */
export function budgetCounterId(campaignId: string): string {
  return `budget#${campaignId}`;
}

export function capCounterId(campaignId: string, userId: string, periodKey: string): string {
  return `cap#${campaignId}#${userId}#${periodKey}`;
}

/** 2025-11-24 (day), 2025-W48 (ISO week, from Monday), 2025-11 (month), 2025 (year), all (campaign). */
export function periodKey(period: CapPeriod, at: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  switch (period) {
    case 'day':
      return local.toFormat('yyyy-MM-dd');
    case 'week':
      return local.toFormat("kkkk-'W'WW");
    case 'month':
      return local.toFormat('yyyy-MM');
    case 'year':
      return local.toFormat('yyyy');
    case 'campaign':
      return 'all';
  }
}

/**
 * The per-customer limit of the customer a campaign rewards. Some kinds carry theirs: a signup
 * bonus, milestone or the referred customer's referral bonus is given once, a birthday bonus once a
 * year; the others use the owner's `limits.perCustomer`, if any.
 */
export function customerCap(campaign: CampaignDefinition): CustomerCap | undefined {
  switch (campaign.reward.kind) {
    case 'signup_bonus':
    case 'milestone':
    case 'referral':
      return { period: 'campaign', unit: 'times', max: 1 };
    case 'birthday':
      return { period: 'year', unit: 'times', max: 1 };
    default:
      return campaign.limits.perCustomer;
  }
}

/** The referrer's limit: at most `maxReferralsPerReferrer` rewarded referrals over the campaign. */
export function referrerCap(campaign: CampaignDefinition): CustomerCap | undefined {
  const { reward } = campaign;
  if (reward.kind !== 'referral' || reward.maxReferralsPerReferrer === undefined) return undefined;
  return { period: 'campaign', unit: 'times', max: reward.maxReferralsPerReferrer };
}

/** The counters an award of `campaign` to `userId` at `at` counts against. */
export function counterRefs(campaign: Campaign, userId: string, cap: CustomerCap | undefined, at: Date): CounterRef[] {
  const refs: CounterRef[] = [];
  if (campaign.limits.budget !== undefined) {
    refs.push({
      counterId: budgetCounterId(campaign.campaignId),
      limit: campaign.limits.budget,
      unit: 'points',
      scope: 'budget',
    });
  }
  if (cap !== undefined) {
    refs.push({
      counterId: capCounterId(campaign.campaignId, userId, periodKey(cap.period, at, campaign.timeZone)),
      limit: cap.max,
      unit: cap.unit,
      scope: 'cap',
      cap,
    });
  }
  return refs;
}
