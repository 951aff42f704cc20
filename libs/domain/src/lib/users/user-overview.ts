import type { PointsAccount } from '../ledger/points-account';
import { UserProfile } from './user-profile';

export interface PointsSummary {
  readonly balance: number;
  readonly pending: number;
  readonly lifetime: number;
}

/** What the customer's orders add up to net of refunds, in minor units of the orders' currency. */
export interface SpendTotal {
  readonly minor: number;
  readonly currency?: string;
}

/** A customer as staff and the customer see them: profile, points, tier and spend. */
export interface UserOverview {
  readonly profile: UserProfile;
  readonly points: PointsSummary;
  readonly tier: string;
  readonly totalSpent: SpendTotal;
}

/** Before their first posting a customer is in the first of the SPEC's default tiers. */
const FIRST_TIER = 'bronze';

/** A customer with no points account yet has zero points and spend. */
export function describeUser(profile: UserProfile, account: PointsAccount | undefined): UserOverview {
  return {
    profile,
    points: {
      balance: account?.available ?? 0,
      pending: account?.pending ?? 0,
      lifetime: account?.lifetimeEarned ?? 0,
    },
    // Orders keep these on the account, in the same transaction as their points.
    tier: account?.stats?.tier?.tier ?? FIRST_TIER,
    totalSpent: {
      minor: account?.stats?.spentMinor ?? 0,
      ...(account?.stats?.currency !== undefined && { currency: account.stats.currency }),
    },
  };
}
