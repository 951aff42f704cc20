import type { UniquenessRecord, UniqueUserField } from '../users/user-data-export';
import type { UserProfile } from '../users/user-profile';
import { keys } from './keys';

export const UNIQUE_USER_FIELDS: readonly UniqueUserField[] = ['email', 'phone', 'referralCode'];

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

/** The record that holds `field`'s value of an active profile for it in the tenant. */
export function uniquenessItem(profile: UserProfile, field: UniqueUserField, value: string): Item {
  const record: UniquenessRecord = { field, value, userId: profile.userId, createdAt: profile.updatedAt };
  return { ...keys.uniqueValue(profile.tenantId, field, value), entityType: 'UNIQUE_VALUE', ...record };
}

/** The value of a unique field, which only an active profile has. */
export function uniqueValueOf(profile: UserProfile, field: UniqueUserField): string | undefined {
  return profile.status === 'active' ? profile[field] : undefined;
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
