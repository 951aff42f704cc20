import { Campaign, CampaignDefinition, CampaignKind, MilestoneTarget } from './campaign';
import { eligibleAmount, meetsConditions, reaches } from './campaign-conditions';
import { campaignStatus } from './campaign-status';
import { isBirthdayOn } from './birthday';
import { EarningFacts, OrderFacts } from './earning-input';
import { counterRefs, CounterRef, customerCap, referrerCap } from './limit-counters';
import { isSelfReferral } from './referral';
import { pointsForPurchase } from '../points/earn-rule';
import { formatMultiplier, multiplierBonus } from '../points/multiplier-bonus';
import { Money, moneyToDecimal } from '../shared/money';

/** The event being rewarded: a completed order, a signup, or the daily birthday run. */
export interface Occasion {
  readonly trigger: 'order' | 'signup' | 'birthday';
  readonly at: Date;
  readonly channel?: string;
  readonly order?: OrderFacts;
}

/** Points one campaign would give one account, before its limits are applied. */
export interface Award {
  readonly userId: string;
  /** `referrer`: the other side of a referral, posted to the referrer's account. */
  readonly side: 'customer' | 'referrer';
  readonly points: number;
  readonly reason: string;
  readonly refs: readonly CounterRef[];
}

/** A campaign whose dates, status and conditions hold at the occasion, with what it would give. */
export interface Candidate {
  readonly campaign: Campaign;
  readonly awards: readonly Award[];
  /** Why it gives nothing although it applies (e.g. a self-referral). */
  readonly refusal?: string;
}

const TRIGGERS: Record<CampaignKind, Occasion['trigger']> = {
  purchase_multiplier: 'order',
  spend_threshold: 'order',
  flat_bonus: 'order',
  milestone: 'order',
  referral: 'order',
  signup_bonus: 'signup',
  birthday: 'birthday',
};

/** The campaign as a candidate for the occasion, or undefined when it does not apply or gives nothing. */
export function candidateFor(campaign: Campaign, facts: EarningFacts, occasion: Occasion): Candidate | undefined {
  const { customer } = facts;
  const { order } = occasion;
  const applies =
    TRIGGERS[campaign.reward.kind] === occasion.trigger &&
    campaignStatus(campaign, occasion.at) === 'active' &&
    meetsConditions(campaign, {
      at: occasion.at,
      channel: occasion.channel,
      tier: customer.tier,
      order,
      firstOrder: order === undefined ? undefined : customer.completedOrders === 0,
    });
  if (!applies) return undefined;

  if (campaign.reward.kind === 'referral') return referralCandidate(campaign, facts, occasion);
  const earned = rewardFor(campaign, facts, occasion);
  if (earned === undefined || earned.points <= 0) return undefined;
  return {
    campaign,
    awards: [
      {
        userId: customer.userId,
        side: 'customer',
        points: earned.points,
        reason: `${earned.reason} (${campaign.name})`,
        refs: counterRefs(campaign, customer.userId, customerCap(campaign), occasion.at),
      },
    ],
  };
}

/** What a one-sided campaign gives the customer, with the reason before the campaign's name. */
function rewardFor(
  campaign: Campaign,
  facts: EarningFacts,
  occasion: Occasion,
): { points: number; reason: string } | undefined {
  const { reward } = campaign;
  const { order } = occasion;
  switch (reward.kind) {
    case 'purchase_multiplier': {
      if (order === undefined) return undefined;
      const eligibleBase = pointsForPurchase(eligibleAmount(campaign, order), facts.program.earnRule);
      const points = multiplierBonus(eligibleBase, reward.multiplier);
      return { points, reason: `${formatMultiplier(reward.multiplier)} points${onWhat(campaign)}` };
    }
    case 'spend_threshold':
      if (order === undefined || !reaches(eligibleAmount(campaign, order), reward.threshold)) return undefined;
      return {
        points: reward.points,
        reason: `${reward.points} bonus points for spending ${format(reward.threshold)}${onWhat(campaign)}`,
      };
    case 'flat_bonus':
      return { points: reward.points, reason: `${reward.points} bonus points on this order` };
    case 'milestone': {
      const reason = order === undefined ? undefined : milestoneReached(reward.target, facts.customer, order);
      return reason === undefined ? undefined : { points: reward.points, reason };
    }
    case 'signup_bonus':
      return { points: reward.points, reason: 'Welcome bonus' };
    case 'birthday': {
      const { birthday } = facts.customer;
      const today = birthday !== undefined && isBirthdayOn(birthday, occasion.at, facts.program.timeZone);
      return today ? { points: reward.points, reason: 'Happy birthday' } : undefined;
    }
    case 'referral':
      return undefined;
  }
}

/** Both sides of a referral, on the referred customer's first completed order. */
function referralCandidate(campaign: Campaign, facts: EarningFacts, occasion: Occasion): Candidate | undefined {
  const { reward } = campaign;
  const { customer } = facts;
  const referrer = customer.referredBy;
  if (reward.kind !== 'referral' || referrer === undefined || customer.completedOrders !== 0) return undefined;
  if (isSelfReferral(customer, referrer)) {
    return {
      campaign,
      awards: [],
      refusal: 'self-referral: the referrer is this customer (same account, email or phone)',
    };
  }
  const awards: Award[] = [];
  if (reward.refereePoints > 0) {
    awards.push({
      userId: customer.userId,
      side: 'customer',
      points: reward.refereePoints,
      reason: `Referral bonus on your first order (${campaign.name})`,
      refs: counterRefs(campaign, customer.userId, customerCap(campaign), occasion.at),
    });
  }
  if (reward.referrerPoints > 0) {
    awards.push({
      userId: referrer.userId,
      side: 'referrer',
      points: reward.referrerPoints,
      reason: `Referral bonus: ${customer.userId} completed their first order (${campaign.name})`,
      refs: counterRefs(campaign, referrer.userId, referrerCap(campaign), occasion.at),
    });
  }
  return { campaign, awards };
}

function milestoneReached(
  target: MilestoneTarget,
  customer: EarningFacts['customer'],
  order: OrderFacts,
): string | undefined {
  if ('nthOrder' in target) {
    return customer.completedOrders + 1 === target.nthOrder
      ? `Bonus for your ${ordinal(target.nthOrder)} order`
      : undefined;
  }
  const { lifetimeSpend } = target;
  const before = customer.lifetimeSpendMinor;
  const crossed =
    order.amount.currency === lifetimeSpend.currency &&
    before < lifetimeSpend.minor &&
    before + order.amount.minor >= lifetimeSpend.minor;
  return crossed ? `Bonus for reaching ${format(lifetimeSpend)} in purchases` : undefined;
}

function onWhat(campaign: CampaignDefinition): string {
  const { categories, skus } = campaign.conditions;
  const named = [...(categories ?? []), ...(skus === undefined ? [] : ['selected items'])];
  return named.length === 0 ? '' : ` on ${named.join(', ')}`;
}

function format(money: Money): string {
  return `${moneyToDecimal(money)} ${money.currency}`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
