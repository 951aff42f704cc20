import { ReferralAward } from '../campaigns/earn-evaluation';
import { EntryLine } from '../ledger/ledger-entry';

export type OrderStatus = 'completed' | 'partially_refunded' | 'refunded' | 'cancelled';

export interface OrderItem {
  readonly id: string;
  readonly sku: string;
  readonly category?: string;
  /** Unit price in minor units. */
  readonly priceMinor: number;
  readonly quantity: number;
}

/** An order as the ledger knows it: what it earned, and what refunds have taken back. */
export interface OrderRecord {
  readonly tenantId: string;
  readonly orderId: string;
  readonly userId: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly items: readonly OrderItem[];
  readonly channel?: string;
  readonly status: OrderStatus;
  readonly pointsEarned: number;
  readonly pointsReversed: number;
  readonly refundedMinor: number;
  /** Quantities refunded so far, by item id. */
  readonly refundedItems: Readonly<Record<string, number>>;
  /** The entry that credited the order, and the rules that produced its points. */
  readonly earnEntryId: string;
  readonly lines: readonly EntryLine[];
  /** Points the order earned other customers (the referrer's side of a referral), posted after it. */
  readonly referrals?: readonly ReferralAward[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}
