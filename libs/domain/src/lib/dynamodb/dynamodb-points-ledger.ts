import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { LedgerEntry } from '../ledger/ledger-entry';
import type { PointsLedger, PostingOutcome } from '../ledger/points-ledger';
import { applyPosting, Posting } from '../ledger/posting';
import { ConcurrencyError } from '../shared/concurrency-error';
import { IdempotencyConflictError } from '../shared/idempotency-conflict-error';
import { newId } from '../shared/ids';
import { err, ok, Result } from '../shared/result';
import { DynamoDbPointsAccountReader } from './dynamodb-points-account-reader';
import { keys } from './keys';
import { POSTING_ITEM, postingTransaction } from './posting-transaction';
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
 * Optimistic posting: read the account, compute the next state, write all of it in one
 * transaction guarded by the version read; on a lost race read again, with jittered backoff.
 */
export class DynamoDbPointsLedger implements PointsLedger {
  private readonly accounts: DynamoDbPointsAccountReader;
  private readonly backoff: BackoffPolicy;
  private readonly now: () => Date;
  private readonly random: () => number;

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

  async post(posting: Posting): Promise<Result<PostingOutcome, IdempotencyConflictError>> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.accounts.getAccount(posting.tenantId, posting.userId, {
        consistent: true,
      });
      const now = this.now();
      const result = applyPosting(current, posting, newId('txn', now.getTime()), now);
      try {
        await this.client.send(
          new TransactWriteCommand(
            postingTransaction(this.tableName, posting, result, current?.version),
          ),
        );
        return ok({ entry: result.entry, duplicate: false });
      } catch (error) {
        const reasons = error instanceof TransactionCanceledException ? error.CancellationReasons ?? [] : [];
        if (reasons[POSTING_ITEM.idempotency]?.Code === 'ConditionalCheckFailed') {
          return this.replay(posting);
        }
        if (!isRetryable(error, reasons.map((reason) => reason.Code))) throw error;
        if (attempt >= this.backoff.attempts) {
          throw new ConcurrencyError(
            `Posting ${posting.idempotencyKey} lost ${attempt} races for its account`,
            { tenantId: posting.tenantId, userId: posting.userId, attempts: attempt },
            { cause: error },
          );
        }
        await sleep(backoffDelayMs(attempt, this.backoff, this.random));
      }
    }
  }

  /** The effect exists already: return the first result, or a conflict if the payload differs. */
  private async replay(
    posting: Posting,
  ): Promise<Result<PostingOutcome, IdempotencyConflictError>> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.idempotency(posting.tenantId, posting.idempotencyKey),
        ConsistentRead: true,
      }),
    );
    if (Item?.['requestHash'] !== posting.requestHash) {
      return err(
        new IdempotencyConflictError(
          `${posting.idempotencyKey} was already applied with a different payload`,
          { idempotencyKey: posting.idempotencyKey },
        ),
      );
    }
    return ok({ entry: Item['entry'] as LedgerEntry, duplicate: true });
  }
}

function isRetryable(error: unknown, cancellationCodes: (string | undefined)[]): boolean {
  if (error instanceof TransactionCanceledException) {
    return cancellationCodes.some((code) => code !== undefined && RETRYABLE_CANCELLATIONS.has(code));
  }
  return error instanceof Error && error.name === 'TransactionConflictException';
}
