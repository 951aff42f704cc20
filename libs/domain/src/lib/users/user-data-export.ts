import type { LedgerEntry } from '../ledger/ledger-entry';
import type { PointsAccount } from '../ledger/points-account';
import { UserProfile } from './user-profile';

/**
 * Fields whose values are unique in a tenant; each is held by a record naming its user. An
 * `externalId` is unique per provider (`source`): one shopify customer is one user.
 */
export type UniqueUserField = 'email' | 'phone' | 'referralCode' | 'externalId';

export interface UniquenessRecord {
  readonly field: UniqueUserField;
  readonly value: string;
  /** The provider of an `externalId`. */
  readonly source?: string;
  readonly userId: string;
  readonly createdAt: string;
}

/** GDPR access: everything held about one customer. */
export interface UserDataExport {
  readonly exportedAt: string;
  readonly profile: UserProfile;
  readonly pointsAccount?: PointsAccount;
  readonly ledgerEntries: readonly LedgerEntry[];
  readonly uniquenessRecords: readonly UniquenessRecord[];
  /** The stored first answer to an idempotent signup, kept for a day to answer retries. */
  readonly signupReplay?: Readonly<Record<string, unknown>>;
  /** Anything else kept in the customer's partition, as stored. */
  readonly otherRecords: readonly Readonly<Record<string, unknown>>[];
}
