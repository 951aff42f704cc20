import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { isDeepStrictEqual } from 'node:util';
import type { UserProfile } from '../users/user-profile';
import type { NewUser } from '../users/user-repository';
import { TTL_ATTRIBUTE } from './create-table-input';
import { keys } from './keys';
import { outboxItem } from './outbox-item';
import {
  CHANGEABLE_PROFILE_ATTRIBUTES,
  birthdayIndex,
  profileItem,
  signupReplayKey,
  UniqueClaim,
  uniqueClaimKey,
  uniqueClaimsOf,
  uniquenessItem,
} from './user-items';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A transaction with a name for each of its items, to read its cancellation reasons by meaning. */
export interface NamedTransaction<Name extends string> {
  readonly input: TransactWriteCommandInput;
  readonly names: readonly Name[];
}

/** `claim:<name>` and `release:<name>` name a unique value's record by its claim (see UniqueClaim). */
export type SignupItem = 'replay' | 'profile' | `claim:${string}` | 'referrer' | 'outbox';
export type ProfileChangeItem = 'profile' | `claim:${string}` | `release:${string}` | 'replay';

/** How long a signup's first answer is kept for retries with the same Idempotency-Key. */
export const SIGNUP_REPLAY_SECONDS = 24 * 60 * 60;

/**
 * A signup as one transaction: the profile, one record per unique value (a value another user holds
 * cancels it), a check that the referral code given exists, the `user.created` event for the
 * outbox, and with an Idempotency-Key the first answer for retries. A replay record past its
 * retention may be overwritten even before DynamoDB's TTL has removed it.
 */
export function signupTransaction(tableName: string, newUser: NewUser, now: Date): NamedTransaction<SignupItem> {
  const { profile, event, welcomePoints, idempotency } = newUser;
  const items: [SignupItem, TransactItem][] = [];
  if (idempotency) {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    items.push([
      'replay',
      {
        Put: {
          TableName: tableName,
          Item: {
            ...signupReplayKey(profile.tenantId, idempotency.key),
            entityType: 'SIGNUP_REPLAY',
            requestHash: idempotency.requestHash,
            user: profile,
            welcomePoints,
            eventId: event.id,
            [TTL_ATTRIBUTE]: nowSeconds + SIGNUP_REPLAY_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR #expiresAt < :now',
          ExpressionAttributeNames: { '#expiresAt': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': nowSeconds },
        },
      },
    ]);
  }
  items.push([
    'profile',
    { Put: { TableName: tableName, Item: profileItem(profile, idempotency?.key), ConditionExpression: 'attribute_not_exists(PK)' } },
  ]);
  for (const unique of uniqueClaimsOf(profile)) items.push([`claim:${unique.name}`, claim(tableName, profile, unique)]);
  if (profile.referredBy !== undefined) {
    items.push([
      'referrer',
      {
        ConditionCheck: {
          TableName: tableName,
          Key: keys.uniqueValue(profile.tenantId, 'referralCode', profile.referredBy),
          ConditionExpression: 'attribute_exists(PK)',
        },
      },
    ]);
  }
  items.push(['outbox', { Put: { TableName: tableName, Item: outboxItem(event), ConditionExpression: 'attribute_not_exists(PK)' } }]);
  return named(items);
}

/**
 * A profile change as one transaction: the changed attributes, guarded by the version that was
 * read; each unique value that changes moves from its old record to a new one; an erasure also
 * deletes the signup's stored first answer (`signupKey`), which holds personal data.
 */
export function profileChangeTransaction(
  tableName: string,
  current: UserProfile,
  next: UserProfile,
  signupKey: string | undefined,
): NamedTransaction<ProfileChangeItem> {
  const items: [ProfileChangeItem, TransactItem][] = [['profile', { Update: profileUpdate(tableName, current, next) }]];
  const [before, after] = [byName(uniqueClaimsOf(current)), byName(uniqueClaimsOf(next))];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const [held, wanted] = [before.get(name), after.get(name)];
    if (held?.value === wanted?.value) continue;
    if (held) items.push([`release:${name}`, release(tableName, current, held)]);
    if (wanted) items.push([`claim:${name}`, claim(tableName, next, wanted)]);
  }
  if (next.status === 'erased' && signupKey !== undefined) {
    items.push(['replay', { Delete: { TableName: tableName, Key: signupReplayKey(current.tenantId, signupKey) } }]);
  }
  return named(items);
}

/** SET what changed, REMOVE what is gone, and keep the birthday index in line. */
function profileUpdate(tableName: string, current: UserProfile, next: UserProfile) {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expectedVersion': current.version };
  const set: string[] = [];
  const remove: string[] = [];
  for (const attribute of CHANGEABLE_PROFILE_ATTRIBUTES) {
    const [before, after] = [attributeOf(current, attribute), attributeOf(next, attribute)];
    if (isDeepStrictEqual(before, after)) continue;
    names[`#${attribute}`] = attribute;
    if (after === undefined) {
      remove.push(`#${attribute}`);
    } else {
      values[`:${attribute}`] = after;
      set.push(`#${attribute} = :${attribute}`);
    }
  }
  if (next.status === 'erased') {
    names['#signupKey'] = 'signupKey';
    remove.push('#signupKey');
  }
  const [indexBefore, indexAfter] = [birthdayIndex(current), birthdayIndex(next)];
  if (!isDeepStrictEqual(indexBefore, indexAfter)) {
    for (const attribute of ['GSI2PK', 'GSI2SK'] as const) {
      names[`#${attribute}`] = attribute;
      const value = indexAfter[attribute];
      if (value === undefined) remove.push(`#${attribute}`);
      else {
        values[`:${attribute}`] = value;
        set.push(`#${attribute} = :${attribute}`);
      }
    }
  }
  return {
    TableName: tableName,
    Key: keys.profile(current.tenantId, current.userId),
    UpdateExpression: [set.length > 0 && `SET ${set.join(', ')}`, remove.length > 0 && `REMOVE ${remove.join(', ')}`]
      .filter(Boolean)
      .join(' '),
    ConditionExpression: '#version = :expectedVersion',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

const attributeOf = (profile: UserProfile, attribute: string): unknown =>
  (profile as unknown as Record<string, unknown>)[attribute];

const byName = (claims: readonly UniqueClaim[]) => new Map(claims.map((unique) => [unique.name, unique]));

function claim(tableName: string, profile: UserProfile, unique: UniqueClaim): TransactItem {
  return {
    Put: { TableName: tableName, Item: uniquenessItem(profile, unique), ConditionExpression: 'attribute_not_exists(PK)' },
  };
}

/** Deletes a value's record, unless it holds the value for someone else. */
function release(tableName: string, profile: UserProfile, unique: UniqueClaim): TransactItem {
  return {
    Delete: {
      TableName: tableName,
      Key: uniqueClaimKey(profile.tenantId, unique),
      ConditionExpression: 'attribute_not_exists(PK) OR #userId = :userId',
      ExpressionAttributeNames: { '#userId': 'userId' },
      ExpressionAttributeValues: { ':userId': profile.userId },
    },
  };
}

function named<Name extends string>(items: [Name, TransactItem][]): NamedTransaction<Name> {
  return { input: { TransactItems: items.map(([, item]) => item) }, names: items.map(([name]) => name) };
}
