import { AccountStats } from './account-stats';
import { PointsLot } from './points-lot';
import { Totals } from './totals';

/** A customer's running totals and open lots; the totals always equal the sum of the entries. */
export interface PointsAccount extends Totals {
  readonly tenantId: string;
  readonly userId: string;
  readonly lots: readonly PointsLot[];
  /** Orders and spend (campaign conditions, tiers) and the tier held; absent on accounts from before them. */
  readonly stats?: AccountStats;
  /** Incremented by every write; guards against lost updates between concurrent writers. */
  readonly version: number;
  readonly updatedAt: string;
  /** The earliest time a scheduled job has work on this account (maturity, expiry or a notice). */
  readonly nextDueAt?: string;
}
