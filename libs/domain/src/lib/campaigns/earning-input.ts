import { Campaign } from './campaign';
import { ProgramSettings } from '../program/program-settings';
import { Money } from '../shared/money';

export interface EarningItem {
  readonly sku?: string;
  readonly category?: string;
  /** Minor units of the order's currency. */
  readonly unitPriceMinor: bigint;
  readonly quantity: number;
}

export interface OrderFacts {
  readonly orderId: string;
  readonly amount: Money;
  readonly items: readonly EarningItem[];
  readonly channel?: string;
  readonly occurredAt: Date;
}

/** The customer who referred this one, as the caller resolved it from the referral code. */
export interface ReferrerFacts {
  readonly userId: string;
  readonly email?: string;
  readonly phone?: string;
}

/** The customer as they were just before the event being evaluated. */
export interface CustomerFacts {
  readonly userId: string;
  readonly tier?: string;
  /** Completed orders before this one (0: this is the first). */
  readonly completedOrders: number;
  /** Spend before this order, in minor units of the order's currency. */
  readonly lifetimeSpendMinor: bigint;
  /** "MM-DD" or "YYYY-MM-DD". */
  readonly birthday?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly referredBy?: ReferrerFacts;
}

/** What every evaluation reads: the tenant's program and campaigns, and the customer. */
export interface EarningFacts {
  readonly program: ProgramSettings;
  readonly campaigns: readonly Campaign[];
  readonly customer: CustomerFacts;
}

/**
 * Current values of the limit counters named by `limitCountersFor` (a counter never written is
 * absent or 0).
 */
export type CounterUsage = ReadonlyMap<string, number>;

export interface OrderEarningInput extends EarningFacts {
  readonly order: OrderFacts;
  readonly usage: CounterUsage;
}

/** `user.created`. */
export interface SignupEarningInput extends EarningFacts {
  readonly signup: { readonly occurredAt: Date; readonly channel?: string };
  readonly usage: CounterUsage;
}

/** The daily birthday run: `at` is when it runs; the customer's birthday is `customer.birthday`. */
export interface BirthdayEarningInput extends EarningFacts {
  readonly birthday: { readonly at: Date };
  readonly usage: CounterUsage;
}

export type EarningInput = OrderEarningInput | SignupEarningInput | BirthdayEarningInput;

/** The same facts before the counters are read. */
export type LimitCounterQuery =
  | Omit<OrderEarningInput, 'usage'>
  | Omit<SignupEarningInput, 'usage'>
  | Omit<BirthdayEarningInput, 'usage'>;
