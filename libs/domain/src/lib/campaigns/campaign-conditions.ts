import { DateTime } from 'luxon';
import { CampaignDefinition, HoursOfDay, WEEKDAYS } from './campaign';
import { OrderFacts, EarningItem } from './earning-input';
import { Money } from '../shared/money';

/** What conditions are checked against; `order` is absent for signups and birthdays. */
export interface ConditionFacts {
  readonly at: Date;
  readonly channel?: string;
  readonly tier?: string;
  readonly order?: OrderFacts;
  readonly firstOrder?: boolean;
}

/** Whether every condition the campaign sets holds (dates and status are checked elsewhere). */
export function meetsConditions(campaign: CampaignDefinition, facts: ConditionFacts): boolean {
  const { conditions } = campaign;
  const { order } = facts;
  const local = DateTime.fromJSDate(facts.at, { zone: campaign.timeZone });
  return (
    includes(conditions.channels, facts.channel) &&
    includes(conditions.tiers, facts.tier) &&
    (conditions.daysOfWeek === undefined || conditions.daysOfWeek.includes(WEEKDAYS[local.weekday - 1])) &&
    (conditions.hours === undefined || isWithinHours(conditions.hours, local.hour * 60 + local.minute)) &&
    (conditions.firstOrder === undefined || conditions.firstOrder === facts.firstOrder) &&
    (conditions.minAmount === undefined || (order !== undefined && reaches(order.amount, conditions.minAmount))) &&
    (!filtersItems(campaign) || (order !== undefined && eligibleAmount(campaign, order).minor > 0n))
  );
}

/**
 * The part of the order the campaign rewards: the items matching its categories or SKUs (never more
 * than the order amount, which may be net of discounts), or the whole order when it names none.
 */
export function eligibleAmount(campaign: CampaignDefinition, order: OrderFacts): Money {
  if (!filtersItems(campaign)) return order.amount;
  const matching = order.items
    .filter((item) => isEligibleItem(campaign, item))
    .reduce((sum, item) => sum + item.unitPriceMinor * BigInt(item.quantity), 0n);
  return { minor: matching < order.amount.minor ? matching : order.amount.minor, currency: order.amount.currency };
}

/** `amount` is at least `minimum`; amounts in different currencies never compare. */
export function reaches(amount: Money, minimum: Money): boolean {
  return amount.currency === minimum.currency && amount.minor >= minimum.minor;
}

function filtersItems(campaign: CampaignDefinition): boolean {
  return campaign.conditions.categories !== undefined || campaign.conditions.skus !== undefined;
}

function isEligibleItem(campaign: CampaignDefinition, item: EarningItem): boolean {
  const { categories, skus } = campaign.conditions;
  return (
    (item.category !== undefined && categories?.includes(item.category.toLowerCase()) === true) ||
    (item.sku !== undefined && skus?.includes(item.sku) === true)
  );
}

function includes(allowed: readonly string[] | undefined, value: string | undefined): boolean {
  return allowed === undefined || (value !== undefined && allowed.includes(value));
}

function isWithinHours(hours: HoursOfDay, minuteOfDay: number): boolean {
  const from = minutesOf(hours.from);
  const to = minutesOf(hours.to);
  return from < to ? minuteOfDay >= from && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
}

function minutesOf(clock: string): number {
  const [hour, minute] = clock.split(':').map(Number);
  return hour * 60 + minute;
}
