import type { UniquenessRecord, UniqueUserField } from '../users/user-data-export';
import type { UserProfile } from '../users/user-profile';
import { keys } from './keys';

const CONTACT_FIELDS = ['email', 'phone', 'referralCode'] as const;

/** A value an active profile holds alone in its tenant, and the record that holds it. */
export interface UniqueClaim {
  /** Names the claim in a transaction: `email`, `phone`, `referralCode` or `externalId:<source>`. */
  readonly name: string;
  readonly field: UniqueUserField;
  readonly value: string;
  /** The provider of an external id. */
  readonly source?: string;
}

/** Profile attributes that change. */
export const CHANGEABLE_PROFILE_ATTRIBUTES = [
  'status',
  'email',
  'name',
  'phone',
  'birthday',
  'referralCode',
  'referredBy',
  'externalIds',
  'erasedAt',
  'updatedAt',
  'version',
] as const;

const FIXED_PROFILE_ATTRIBUTES = ['tenantId', 'userId', 'createdAt'] as const;
const INDEX_KEY_ATTRIBUTES = ['PK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'];
const RECORD_KEY_ATTRIBUTES = [...INDEX_KEY_ATTRIBUTES, 'SK', 'entityType'];

type Item = Record<string, unknown>;

/** Keys of the record that answers retries of a signup with the same Idempotency-Key. */
export const signupReplayKey = (tenantId: string, idempotencyKey: string) =>
  keys.idempotency(tenantId, `signup#${idempotencyKey}`);

/**
 * The profile item. `signupKey` remembers the signup's Idempotency-Key, so that an erasure can find
 * and remove the stored first answer.
 */
export function profileItem(profile: UserProfile, signupKey?: string): Item {
  return {
    ...keys.profile(profile.tenantId, profile.userId),
    ...birthdayIndex(profile),
    entityType: 'USER_PROFILE',
    ...profile,
    ...(signupKey !== undefined && { signupKey }),
  };
}

export function profileFromItem(item: Item): UserProfile {
  const attributes = [...FIXED_PROFILE_ATTRIBUTES, ...CHANGEABLE_PROFILE_ATTRIBUTES].filter(
    (name) => item[name] !== undefined,
  );
  return Object.fromEntries(attributes.map((name) => [name, item[name]])) as unknown as UserProfile;
}

/** The unique values of a profile: its email, phone and referral code, and its id at each provider. Erased: none. */
export function uniqueClaimsOf(profile: UserProfile): UniqueClaim[] {
  if (profile.status !== 'active') return [];
  const contacts = CONTACT_FIELDS.flatMap((field) => {
    const value = profile[field];
    return value === undefined ? [] : [{ name: field, field, value }];
  });
  const externalIds = Object.entries(profile.externalIds ?? {}).map(([source, value]) => ({
    name: `externalId:${source}`,
    field: 'externalId' as const,
    value,
    source,
  }));
  return [...contacts, ...externalIds];
}

/** The key of the record that holds a claimed value. */
export function uniqueClaimKey(tenantId: string, { field, value, source }: UniqueClaim) {
  return source === undefined ? keys.uniqueValue(tenantId, field, value) : keys.externalId(tenantId, source, value);
}

/**
 * The record that holds a value of an active profile for it in the tenant. External ids are also
 * listed by provider (index GSI1), so that all of a provider's customers can be found.
 */
export function uniquenessItem(profile: UserProfile, claim: UniqueClaim): Item {
  const { field, value, source } = claim;
  const record: UniquenessRecord = { field, value, ...(source !== undefined && { source }), userId: profile.userId, createdAt: profile.updatedAt };
  return {
    ...uniqueClaimKey(profile.tenantId, claim),
    ...(source !== undefined && keys.linkedToSource(profile.tenantId, source, profile.userId)),
    entityType: 'UNIQUE_VALUE',
    ...record,
  };
}

/** A stored record as data for its owner: without the partition and index keys. */
export function withoutIndexKeys(item: Item): Item {
  return omit(item, INDEX_KEY_ATTRIBUTES);
}

/** The domain object a record stores: the record without its keys and type tag. */
export function storedObject<T>(item: Item): T {
  return omit(item, RECORD_KEY_ATTRIBUTES) as T;
}

function omit(item: Item, names: readonly string[]): Item {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !names.includes(name)));
}

/** An active customer with a birthday is listed under its month and day (for the daily birthday treats). */
export function birthdayIndex(profile: UserProfile): { GSI2PK?: string; GSI2SK?: string } {
  if (profile.status !== 'active' || !profile.birthday) return {};
  return keys.birthday(profile.tenantId, profile.userId, profile.birthday.slice(-5));
}
