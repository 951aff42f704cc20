import { Campaign, newCampaign } from './campaign';
import { CustomerFacts, OrderEarningInput, OrderFacts, EarningItem } from './earning-input';
import { parseCampaignDefinition } from './parse-campaign-definition';
import { DEFAULT_PROGRAM, ProgramSettings } from '../program/program-settings';
import { Money, moneyFromDecimal } from '../shared/money';

/** The seed's `POST /campaigns` body, exactly as the seed gives it. */
export const blackFridayBody = {
  name: 'Black Friday 2X Points',
  type: 'purchase_multiplier',
  multiplier: 2,
  conditions: {
    minAmount: 100,
    categories: ['electronics', 'clothing'],
  },
  startDate: '2025-11-24T00:00:00Z',
  endDate: '2025-11-26T23:59:59Z',
};

/** A live campaign from a body; throws on a body the test meant to be valid. */
export function campaignFrom(
  body: Record<string, unknown>,
  campaignId = 'camp_1',
  timeZone = DEFAULT_PROGRAM.timeZone,
): Campaign {
  const parsed = parseCampaignDefinition(body, { currency: 'USD', timeZone });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.details));
  return newCampaign(campaignId, parsed.value);
}

export function usd(decimal: number | string): Money {
  const money = moneyFromDecimal(decimal, 'USD');
  if (!money.ok) throw money.error;
  return money.value;
}

export function item(category: string, price: number | string, quantity = 1, sku?: string): EarningItem {
  return { category, unitPriceMinor: usd(price).minor, quantity, ...(sku !== undefined && { sku }) };
}

/** An order of one item: 150.00 USD of electronics on Black Friday 2025 unless told otherwise. */
export function orderOf(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    orderId: 'order_1',
    amount: usd(150),
    items: [item('electronics', 150)],
    channel: 'web',
    occurredAt: new Date('2025-11-25T15:00:00Z'),
    ...overrides,
  };
}

export function customerOf(overrides: Partial<CustomerFacts> = {}): CustomerFacts {
  return { userId: 'user_1', completedOrders: 3, lifetimeSpendMinor: 0n, ...overrides };
}

export function orderInput(
  campaigns: readonly Campaign[],
  overrides: Partial<OrderEarningInput> = {},
  program: ProgramSettings = DEFAULT_PROGRAM,
): OrderEarningInput {
  return { program, campaigns, customer: customerOf(), order: orderOf(), usage: new Map(), ...overrides };
}
