import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountUpdater } from '../ledger/account-updater';
import type { PointsAccount } from '../ledger/points-account';
import type { LedgerEntry } from '../ledger/ledger-entry';
import type { PointsLedger, PostingOutcome } from '../ledger/points-ledger';
import type { LedgerState, PostingRequest } from '../ledger/posting';
import type { LimitCounterReader } from '../campaigns/limit-counter-reader';
import type { OrderRecord } from '../orders/order-record';
import { ConcurrencyError } from '../shared/concurrency-error';
import { DomainError } from '../shared/domain-error';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { newId } from '../shared/ids';
import { KeyedSerializer } from '../shared/keyed-serializer';
import { err, ok, Result } from '../shared/result';
import { DynamoDbPointsAccountReader } from './dynamodb-points-account-reader';
import { counterIdOf, fromItem, keys } from './keys';

const BATCH_GET_LIMIT = 100;
import { accountItem, POSTING_ITEM, postingTransaction } from './posting-transaction';
import { backoffDelayMs, BackoffPolicy, DEFAULT_BACKOFF, sleep } from './retry';

/** Cancellation codes that another attempt can overcome (a concurrent writer, a brief throttle). */
const RETRYABLE_CANCELLATIONS = new Set([
  'ConditionalCheckFailed',
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
]);

export interface LedgerOptions {
  readonly backoff?: BackoffPolicy;
  readonly now?: () => Date;
  readonly random?: () => number;
}

/**
 * Optimistic posting: read the account (and order), plan the next state, write all of it in one
 * transaction guarded by the versions read; on a lost race read again and re-plan, with jittered
 * backoff. A plan refused on fresh state (e.g. insufficient points) writes nothing. Postings to one
 * account from this process queue rather than race (a batch of events, concurrent API requests).
 */
export class DynamoDbPointsLedger implements PointsLedger, AccountUpdater, LimitCounterReader {
  private readonly accounts: DynamoDbPointsAccountReader;
  private readonly backoff: BackoffPolicy;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly serializer = new KeyedSerializer();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: LedgerOptions = {},
  ) {
    this.accounts = new DynamoDbPointsAccountReader(client, tableName);
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
  }

  post<E extends DomainError>(request: PostingRequest<E>): Promise<Result<PostingOutcome, E | IdempotencyConflictError>> {
    return this.serializer.run(`${request.tenantId}#${request.userId}`, () => this.postNow(request));
  }

  private async postNow<E extends DomainError>(
    request: PostingRequest<E>,
  ): Promise<Result<PostingOutcome, E | IdempotencyConflictError>> {
    for (let attempt = 1; ; attempt++) {
      const state = await this.readState(request);
      const now = this.now();
      const planned = request.plan(state, { entryId: newId('txn', now.getTime()), now });
      if (!planned.ok) return this.refusedOrRepeated(request, planned.error);
      if (!planned.value) {
        const first = await this.readIdempotencyRecord(request);
        return first ? this.replay(request, first) : ok({ order: state.order, duplicate: false });
      }
      try {
        await this.client.send(
          new TransactWriteCommand(
            postingTransaction(this.tableName, request, planned.value, {
              accountVersion: state.account?.version,
              orderVersion: state.order?.version,
            }),
          ),
        );
        return ok({ entry: planned.value.entry, order: planned.value.order, duplicate: false });
      } catch (error) {
        const reasons = error instanceof TransactionCanceledException ? error.CancellationReasons ?? [] : [];
        if (reasons[POSTING_ITEM.idempotency]?.Code === 'ConditionalCheckFailed') {
          return this.replay(request);
        }
        if (!isRetryable(error, reasons.map((reason) => reason.Code))) throw error;
        await this.backOff(attempt, request, error);
      }
    }
  }

  async updateAccount(
    tenantId: string,
    userId: string,
    change: (account: PointsAccount) => PointsAccount | undefined,
  ): Promise<PointsAccount | undefined> {
    return this.serializer.run(`${tenantId}#${userId}`, async () => {
      for (let attempt = 1; ; attempt++) {
        const account = await this.accounts.getAccount(tenantId, userId, { consistent: true });
        const next = account && change(account);
        if (!account || !next) return account;
        try {
          await this.client.send(
            new PutCommand({
              TableName: this.tableName,
              Item: accountItem({ ...next, version: account.version + 1 }),
              ConditionExpression: '#version = :expectedVersion',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':expectedVersion': account.version },
            }),
          );
          return next;
        } catch (error) {
          if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
          await this.backOff(attempt, { tenantId, userId, idempotencyKey: 'account update' }, error);
        }
      }
    });
  }

  private async readState(request: PostingRequest<DomainError>): Promise<LedgerState> {
    const [account, order] = await Promise.all([
      this.accounts.getAccount(request.tenantId, request.userId, { consistent: true }),
      request.orderId === undefined ? undefined : this.getOrder(request.tenantId, request.orderId),
    ]);
    const counterIds = request.countersFor?.({ account, order }) ?? [];
    return { account, order, counters: await this.readCounters(request.tenantId, counterIds) };
  }

  /** Consistent reads: a plan decides from these whether a budget or cap still has room. */
  async readCounters(tenantId: string, counterIds: readonly string[]): Promise<Map<string, number>> {
    const usage = new Map<string, number>();
    for (let start = 0; start < counterIds.length; start += BATCH_GET_LIMIT) {
      let unread: Record<string, unknown>[] | undefined = counterIds
        .slice(start, start + BATCH_GET_LIMIT)
        .map((counterId) => keys.counter(tenantId, counterId));
      while (unread && unread.length > 0) {
        const { Responses, UnprocessedKeys } = await this.client.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: unread, ConsistentRead: true, ProjectionExpression: 'PK, used' } },
          }),
        );
        for (const item of Responses?.[this.tableName] ?? []) {
          usage.set(counterIdOf(tenantId, item['PK'] as string), item['used'] as number);
        }
        unread = UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
    return usage;
  }

  private async getOrder(tenantId: string, orderId: string): Promise<OrderRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.order(tenantId, orderId), ConsistentRead: true }),
    );
    return Item && fromItem<OrderRecord>(Item);
  }

  /**
   * A plan refused on the current state may be a repeat of a request that already took effect (a
   * retried redemption finds the points gone): the first result wins over the refusal.
   */
  private async refusedOrRepeated<E extends DomainError>(
    request: PostingRequest<E>,
    refusal: E,
  ): Promise<Result<PostingOutcome, E | IdempotencyConflictError>> {
    const first = await this.readIdempotencyRecord(request);
    return first ? this.replay(request, first) : err(refusal);
  }

  /** The effect exists already: return the first result, or a conflict if the payload differs. */
  private async replay(
    request: Pick<PostingRequest, 'tenantId' | 'idempotencyKey' | 'requestHash'>,
    record?: Record<string, unknown>,
  ): Promise<Result<PostingOutcome, IdempotencyConflictError>> {
    const first = record ?? (await this.readIdempotencyRecord(request));
    if (first?.['requestHash'] !== request.requestHash) {
      return err(
        new IdempotencyConflictError(`${request.idempotencyKey} was already applied with a different payload`, {
          idempotencyKey: request.idempotencyKey,
        }),
      );
    }
    return ok({
      entry: first['entry'] as LedgerEntry,
      order: first['order'] as OrderRecord | undefined,
      duplicate: true,
    });
  }

  private async readIdempotencyRecord(request: Pick<PostingRequest, 'tenantId' | 'idempotencyKey'>) {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.idempotency(request.tenantId, request.idempotencyKey),
        ConsistentRead: true,
      }),
    );
    return Item;
  }

  private async backOff(
    attempt: number,
    request: Pick<PostingRequest, 'tenantId' | 'userId' | 'idempotencyKey'>,
    cause: unknown,
  ): Promise<void> {
    if (attempt >= this.backoff.attempts) {
      throw new ConcurrencyError(
        `${request.idempotencyKey} lost ${attempt} races for its account`,
        { tenantId: request.tenantId, userId: request.userId, attempts: attempt },
        { cause },
      );
    }
    await sleep(backoffDelayMs(attempt, this.backoff, this.random));
  }
}

function isRetryable(error: unknown, cancellationCodes: (string | undefined)[]): boolean {
  if (error instanceof TransactionCanceledException) {
    return cancellationCodes.some((code) => code !== undefined && RETRYABLE_CANCELLATIONS.has(code));
  }
  return error instanceof Error && error.name === 'TransactionConflictException';
}
