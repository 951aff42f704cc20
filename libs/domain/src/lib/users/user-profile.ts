export type UserStatus = 'active' | 'erased';

/** Provider name → the customer's id there (e.g. shopify → "7391"), to match provider webhooks. */
export type ExternalIds = Readonly<Record<string, string>>;

interface ProfileRecord {
  readonly tenantId: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Incremented by every change; guards against lost updates between concurrent writers. */
  readonly version: number;
}

/** A customer of one tenant. Email, phone (when given) and referral code are unique in the tenant. */
export interface ActiveUserProfile extends ProfileRecord {
  readonly status: 'active';
  /** Trimmed and lower-cased. */
  readonly email: string;
  readonly name: string;
  /** E.164, e.g. +14155550123. */
  readonly phone?: string;
  /** `YYYY-MM-DD`, or `MM-DD` when the customer gave no year. */
  readonly birthday?: string;
  /** The code this customer shares to refer others. */
  readonly referralCode: string;
  /** The referral code the customer gave at signup. */
  readonly referredBy?: string;
  readonly externalIds?: ExternalIds;
}

/** What remains after a GDPR erasure: no personal data, only the id and anonymous amounts. */
export interface ErasedUserProfile extends ProfileRecord {
  readonly status: 'erased';
  readonly erasedAt: string;
}

export type UserProfile = ActiveUserProfile | ErasedUserProfile;
