import type { TierChanged } from '../tiers/tier-change';
import { TotalsChange } from './totals';

/** Every kind of movement the ledger records (SPEC "The ledger"). */
export type LedgerEntryType =
  | 'earned'
  | 'pending'
  | 'matured'
  | 'redeemed'
  | 'adjusted'
  | 'reversed'
  | 'expired';

export const LEDGER_ENTRY_TYPES: readonly LedgerEntryType[] = [
  'earned',
  'pending',
  'matured',
  'redeemed',
  'adjusted',
  'reversed',
  'expired',
];

/** What caused an entry, so that every balance change can be explained. */
export interface EntrySource {
  readonly kind: 'order' | 'manual' | 'redemption' | 'campaign' | 'job';
  readonly id: string;
}

/** Who made a manual change (from their verified token). */
export interface EntryActor {
  readonly sub: string;
  readonly role: string;
}

/** One rule's share of an earning (base rate, a campaign, a tier bonus). */
export interface EntryLine {
  readonly campaignId?: string;
  readonly kind: string;
  readonly points: number;
  readonly reason: string;
}

/** Points an entry put into (+) or took out of (−) one lot. */
export interface LotMovement {
  readonly lotId: string;
  readonly points: number;
  readonly expiresAt?: string;
}

/** An immutable ledger line. Mistakes are corrected by new entries, never by edits. */
export interface LedgerEntry {
  readonly entryId: string;
  /** Position in the account's history: the account version this entry produced. */
  readonly sequence: number;
  readonly tenantId: string;
  readonly userId: string;
  readonly type: LedgerEntryType;
  /** The movement as the customer sees it: +15 earned, −10 redeemed, +15 matured from pending. */
  readonly points: number;
  /** Available balance after this entry. */
  readonly balanceAfter: number;
  readonly pendingAfter: number;
  /** Exactly what this entry did to each account total: the totals are the sum of these. */
  readonly changes: TotalsChange;
  readonly reason: string;
  readonly source: EntrySource;
  readonly lots: readonly LotMovement[];
  readonly lines?: readonly EntryLine[];
  readonly actor?: EntryActor;
  /** Points a reversal could not take back because they were spent (tenant policy `clamp`). */
  readonly uncollected?: number;
  /** Set when this entry moved the customer to another tier (published as `tier.changed`). */
  readonly tierChanged?: TierChanged;
  readonly createdAt: string;
}
