import type { OutboundEvent } from '../events/outbound-event';
import type { AlreadyExistsError } from '../shared/already-exists-error';
import type { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import type { NotFoundError } from '../shared/not-found-error';
import type { Page, PageRequest } from '../shared/page';
import type { Result } from '../shared/result';
import type { ValidationError } from '../shared/validation-error';
import type { UserCreatedDetail } from './user-created-event';
import type { UserDataExport } from './user-data-export';
import type { UserErasedError } from './user-erased-error';
import type { ActiveUserProfile, UserProfile } from './user-profile';

/** A signup to store: the profile, its `user.created` event for the outbox, and its replay data. */
export interface NewUser {
  readonly profile: ActiveUserProfile;
  readonly event: OutboundEvent<UserCreatedDetail>;
  readonly welcomePoints: number;
  /** The client's Idempotency-Key and the fingerprint of its request. */
  readonly idempotency?: { readonly key: string; readonly requestHash: string };
}

export interface StoredSignup {
  readonly user: ActiveUserProfile;
  readonly welcomePoints: number;
  /** True when an earlier request with the same Idempotency-Key stored it: nothing new was written. */
  readonly replayed: boolean;
  /** The `user.created` event while it waits in the outbox to be published. */
  readonly pendingEvent?: OutboundEvent;
}

/** Computes a profile's next state from the current one; returning `current` itself writes nothing. */
export type ProfileChange<Next extends UserProfile = UserProfile> = (
  current: UserProfile,
) => Result<Next, ValidationError | UserErasedError>;

/** Port: customers' profiles, with their unique email, phone, referral code and provider ids per tenant. */
export interface UserRepository {
  /**
   * Stores the profile, its uniqueness records and its event atomically. A taken email, phone,
   * referral code or external id is an AlreadyExistsError naming the `field` (and the id's
   * `source`); an unknown `referredBy` code is a ValidationError.
   */
  register(
    newUser: NewUser,
  ): Promise<Result<StoredSignup, ValidationError | AlreadyExistsError | IdempotencyConflictError>>;
  get(tenantId: string, userId: string): Promise<UserProfile | undefined>;
  /** `email` normalized. */
  findByEmail(tenantId: string, email: string): Promise<UserProfile | undefined>;
  /** `code` normalized (see normalizeReferralCode). */
  findByReferralCode(tenantId: string, code: string): Promise<UserProfile | undefined>;
  /** The user whose id at provider `source` is `externalId` (see ActiveUserProfile.externalIds). */
  findByExternalId(tenantId: string, source: string, externalId: string): Promise<UserProfile | undefined>;
  /** Ids of the active users linked to provider `source`, a page at a time. */
  listLinkedTo(tenantId: string, source: string, page: PageRequest): Promise<Page<string>>;
  /** Applies the change to the latest profile, moving uniqueness records along atomically. */
  update<Next extends UserProfile>(
    tenantId: string,
    userId: string,
    change: ProfileChange<Next>,
  ): Promise<Result<Next, ValidationError | NotFoundError | UserErasedError | AlreadyExistsError>>;
  exportData(tenantId: string, userId: string): Promise<UserDataExport | undefined>;
}
