import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboundEvent } from '../events/outbound-event';
import type { LedgerEntry } from '../ledger/ledger-entry';
import type { PointsAccount } from '../ledger/points-account';
import { AlreadyExistsError } from '../shared/already-exists-error';
import { ConcurrencyError } from '../shared/concurrency-error';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { NotFoundError } from '../shared/not-found-error';
import { err, ok, Result } from '../shared/result';
import { ValidationError } from '../shared/validation-error';
import type { Page, PageRequest } from '../shared/page';
import type { UniquenessRecord, UserDataExport } from '../users/user-data-export';
import type { UserErasedError } from '../users/user-erased-error';
import type { ActiveUserProfile, UserProfile } from '../users/user-profile';
import type { NewUser, ProfileChange, StoredSignup, UserRepository } from '../users/user-repository';
import { keys } from './keys';
import { backoffDelayMs, BackoffPolicy, DEFAULT_BACKOFF, sleep } from './retry';
import { failedConditions, isTransientConflict } from './transaction-cancellation';
import { queryPage } from './query-pages';
import {
  profileFromItem,
  signupReplayKey,
  storedObject,
  UniqueClaim,
  uniqueClaimKey,
  uniqueClaimsOf,
  withoutIndexKeys,
} from './user-items';
import { profileChangeTransaction, signupTransaction } from './user-transactions';

export interface UserRepositoryOptions {
  readonly backoff?: BackoffPolicy;
  readonly now?: () => Date;
  readonly random?: () => number;
}

type Item = Record<string, unknown>;

/**
 * Profiles live in the customer's partition (SK `PROFILE`, beside the points account and entries);
 * each unique value has a record of its own, written in the same transaction as the profile, so two
 * concurrent signups with one email cannot both succeed. Reads are strongly consistent: a customer
 * sees their change at once.
 */
export class DynamoDbUserRepository implements UserRepository {
  private readonly backoff: BackoffPolicy;
  private readonly now: () => Date;
  private readonly random: () => number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: UserRepositoryOptions = {},
  ) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
  }

  async register(
    newUser: NewUser,
  ): Promise<Result<StoredSignup, ValidationError | AlreadyExistsError | IdempotencyConflictError>> {
    const { input, names } = signupTransaction(this.tableName, newUser, this.now());
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(new TransactWriteCommand(input));
        const { profile: user, welcomePoints, event } = newUser;
        return ok({ user, welcomePoints, replayed: false, pendingEvent: event });
      } catch (error) {
        const failed = failedConditions(error, names);
        if (failed.includes('replay')) {
          // Retention ran out between the write and this read: the next attempt may store it anew.
          const replay = await this.replay(newUser);
          if (replay) return replay;
          continue;
        }
        const taken = takenClaim(failed, uniqueClaimsOf(newUser.profile));
        if (taken) return err(alreadyTaken(taken));
        if (failed.includes('referrer')) {
          return err(
            new ValidationError('Unknown referral code', {
              fields: { referredBy: 'the referral code of a customer of this business' },
            }),
          );
        }
        await this.beforeRetry(error, failed.length === 0 && isTransientConflict(error), attempt, newUser.profile);
      }
    }
  }

  async get(tenantId: string, userId: string): Promise<UserProfile | undefined> {
    const item = await this.getItem(keys.profile(tenantId, userId));
    return item && profileFromItem(item);
  }

  findByEmail(tenantId: string, email: string): Promise<UserProfile | undefined> {
    return this.holderOf(tenantId, keys.uniqueValue(tenantId, 'email', email));
  }

  findByReferralCode(tenantId: string, code: string): Promise<UserProfile | undefined> {
    return this.holderOf(tenantId, keys.uniqueValue(tenantId, 'referralCode', code));
  }

  findByExternalId(tenantId: string, source: string, externalId: string): Promise<UserProfile | undefined> {
    return this.holderOf(tenantId, keys.externalId(tenantId, source, externalId));
  }

  /** Reads index GSI1, which follows the table within moments: a user linked a moment ago may be missing. */
  async listLinkedTo(tenantId: string, source: string, page: PageRequest): Promise<Page<string>> {
    const records = await queryPage<UniquenessRecord>(
      this.client,
      {
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :source',
        ExpressionAttributeValues: { ':source': keys.sourceUsers(tenantId, source) },
      },
      { ...page, keyAttributes: ['PK', 'SK', 'GSI1PK', 'GSI1SK'] },
    );
    return { ...records, items: records.items.map((record) => record.userId) };
  }

  private async holderOf(tenantId: string, key: { PK: string; SK: string }): Promise<UserProfile | undefined> {
    const holder = await this.getItem(key);
    return holder && this.get(tenantId, holder['userId'] as string);
  }

  async update<Next extends UserProfile>(
    tenantId: string,
    userId: string,
    change: ProfileChange<Next>,
  ): Promise<Result<Next, ValidationError | NotFoundError | UserErasedError | AlreadyExistsError>> {
    for (let attempt = 1; ; attempt++) {
      const item = await this.getItem(keys.profile(tenantId, userId));
      if (!item) return err(new NotFoundError(`No user ${userId}`, { userId }));
      const current = profileFromItem(item);
      const next = change(current);
      if (!next.ok || next.value === current) return next;
      const { input, names } = profileChangeTransaction(
        this.tableName,
        current,
        next.value,
        item['signupKey'] as string | undefined,
      );
      try {
        await this.client.send(new TransactWriteCommand(input));
        return next;
      } catch (error) {
        const failed = failedConditions(error, names);
        // A failed version check means another change came first: read it and apply this one again.
        // A value that change claimed may be the very one this change wanted, for the same user.
        const overtaken = failed.includes('profile');
        const taken = overtaken ? undefined : takenClaim(failed, uniqueClaimsOf(next.value));
        if (taken) return err(alreadyTaken(taken));
        const retryable = failed.length === 0 ? isTransientConflict(error) : overtaken;
        await this.beforeRetry(error, retryable, attempt, current);
      }
    }
  }

  async exportData(tenantId: string, userId: string): Promise<UserDataExport | undefined> {
    const partition = await this.partitionItems(keys.profile(tenantId, userId).PK);
    const item = partition.find(({ SK }) => SK === keys.profile(tenantId, userId).SK);
    if (!item) return undefined;
    const profile = profileFromItem(item);
    const [uniquenessRecords, signupReplay] = await Promise.all([
      this.uniquenessRecords(profile),
      typeof item['signupKey'] === 'string'
        ? this.getItem(signupReplayKey(tenantId, item['signupKey']))
        : undefined,
    ]);
    const account = partition.find(({ SK }) => SK === keys.account(tenantId, userId).SK);
    const isEntry = ({ SK }: Item) => typeof SK === 'string' && SK.startsWith(keys.entryPrefix);
    return {
      exportedAt: this.now().toISOString(),
      profile,
      ...(account && { pointsAccount: storedObject<PointsAccount>(account) }),
      ledgerEntries: partition.filter(isEntry).map((entry) => storedObject<LedgerEntry>(entry)),
      uniquenessRecords,
      ...(signupReplay && { signupReplay: storedObject<Item>(signupReplay) }),
      otherRecords: partition.filter((other) => other !== item && other !== account && !isEntry(other)).map(withoutIndexKeys),
    };
  }

  /** The first answer to a signup with this Idempotency-Key, or a conflict when the request differs. */
  private async replay(
    newUser: NewUser,
  ): Promise<Result<StoredSignup, IdempotencyConflictError> | undefined> {
    const { profile, idempotency } = newUser;
    if (!idempotency) return undefined;
    const record = await this.getItem(signupReplayKey(profile.tenantId, idempotency.key));
    if (!record) return undefined;
    if (record['requestHash'] !== idempotency.requestHash) {
      return err(
        new IdempotencyConflictError('This Idempotency-Key was already used with a different request', {
          idempotencyKey: idempotency.key,
        }),
      );
    }
    const pending = await this.getItem(keys.outboxEvent(profile.tenantId, record['eventId'] as string));
    return ok({
      user: record['user'] as ActiveUserProfile,
      welcomePoints: record['welcomePoints'] as number,
      replayed: true,
      ...(pending && { pendingEvent: pending['event'] as OutboundEvent }),
    });
  }

  private async uniquenessRecords(profile: UserProfile): Promise<UniquenessRecord[]> {
    const records = await Promise.all(
      uniqueClaimsOf(profile).map((unique) => this.getItem(uniqueClaimKey(profile.tenantId, unique))),
    );
    return records.filter((record) => record !== undefined).map((record) => storedObject<UniquenessRecord>(record));
  }

  private async partitionItems(partitionKey: string): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': partitionKey },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private async getItem(key: { PK: string; SK: string }): Promise<Item | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return Item;
  }

  /** Rethrows what another attempt cannot fix; otherwise waits, with jitter, before the next one. */
  private async beforeRetry(error: unknown, retryable: boolean, attempt: number, profile: UserProfile): Promise<void> {
    if (!retryable) throw error;
    if (attempt >= this.backoff.attempts) {
      throw new ConcurrencyError(
        `Writing user ${profile.userId} lost ${attempt} races`,
        { tenantId: profile.tenantId, userId: profile.userId, attempts: attempt },
        { cause: error },
      );
    }
    await sleep(backoffDelayMs(attempt, this.backoff, this.random));
  }
}

function takenClaim(failed: readonly string[], claims: readonly UniqueClaim[]): UniqueClaim | undefined {
  return claims.find((unique) => failed.includes(`claim:${unique.name}`));
}

/** Names the field (and provider), never the value: error details reach logs. */
function alreadyTaken({ field, source }: UniqueClaim): AlreadyExistsError {
  const label = { email: 'email', phone: 'phone number', referralCode: 'referral code', externalId: `${source} id` }[field];
  return new AlreadyExistsError(`Another user of this business has this ${label}`, { field, ...(source !== undefined && { source }) });
}
