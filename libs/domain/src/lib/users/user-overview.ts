import type { PointsAccount } from '../ledger/points-account';
import { UserProfile } from './user-profile';

export interface PointsSummary {
  readonly balance: number;
  readonly pending: number;
  readonly lifetime: number;
}

/** A customer as staff and the customer see them: profile, points and tier. */
export interface UserOverview {
  readonly profile: UserProfile;
  readonly points: PointsSummary;
  readonly tier: string;
}

/** Tiers do not exist yet: everyone is in the first of the SPEC's default tiers. */
const FIRST_TIER = 'bronze';

/** A customer with no points account yet has zero points. */
export function describeUser(profile: UserProfile, account: PointsAccount | undefined): UserOverview {
  return {
    profile,
    points: {
      balance: account?.available ?? 0,
      pending: account?.pending ?? 0,
      lifetime: account?.lifetimeEarned ?? 0,
    },
    tier: FIRST_TIER,
  };
}
