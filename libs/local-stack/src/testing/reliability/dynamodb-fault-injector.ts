import type * as DynamoDbSdk from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { seededFraction } from './seeded-random';

/**
 * What an injected fault looks like to the caller. `response-lost` is the call that reached
 * DynamoDB and took effect, but whose answer never came back: the caller sees a network error.
 */
export type DynamoDbFault =
  | 'throughput-exceeded'
  | 'internal-error'
  | 'network-error'
  | 'transaction-conflict'
  | 'response-lost';

/** A fault that was injected, and the call it hit. */
export interface InjectedFault {
  readonly operation: string;
  readonly fault: DynamoDbFault;
  /** The keys the call named (for TransactWriteItems, those of every item, in order). */
  readonly keys: unknown;
}

export interface DynamoDbFaultOptions {
  seed: number;
  /** The fraction of the targeted calls that fail, e.g. 0.2. */
  rate: number;
  /** Operations that may fail; default TransactWriteItems, GetItem and Query. */
  operations?: readonly string[];
  /** The faults to choose from; default all that fit the operation, writes losing their response most. */
  kinds?: readonly DynamoDbFault[];
  /**
   * The SDK module the client was built from: an injected error must be an instance of that
   * copy's classes, or the code under test would not recognise it (`instanceof`).
   */
  sdk: Pick<
    typeof DynamoDbSdk,
    | 'ProvisionedThroughputExceededException'
    | 'InternalServerError'
    | 'TransactionCanceledException'
  >;
}

const DEFAULT_OPERATIONS = ['TransactWriteItems', 'GetItem', 'Query'];

/** Writes lose their response a third of the time: the case that tests idempotency. */
const WRITE_FAULTS: readonly DynamoDbFault[] = [
  'response-lost',
  'response-lost',
  'transaction-conflict',
  'throughput-exceeded',
  'internal-error',
  'network-error',
];
const READ_FAULTS: readonly DynamoDbFault[] = [
  'throughput-exceeded',
  'internal-error',
  'network-error',
  'response-lost',
];

/**
 * Makes a seeded fraction of a DynamoDB client's calls fail with the errors DynamoDB and the
 * network really produce, through a middleware at the `initialize` step, i.e. after the SDK's own
 * retries: the code under test sees them. Whether a call fails depends on the seed, the call
 * (operation and the keys it names) and how often that call was made before, not on timing.
 */
export class DynamoDbFaultInjector {
  /** Faults are injected only while this is true (e.g. a test lets a storm pass). */
  enabled = true;
  readonly injected: InjectedFault[] = [];
  /** Calls of the targeted operations made while enabled: the ones that could fail. */
  exposedCalls = 0;
  private readonly occurrences = new Map<string, number>();
  private readonly operations: ReadonlySet<string>;

  constructor(private readonly options: DynamoDbFaultOptions) {
    this.operations = new Set(options.operations ?? DEFAULT_OPERATIONS);
  }

  attachTo(client: DynamoDBDocumentClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? '').replace(
          /Command$/,
          '',
        );
        const input = args.input as Record<string, unknown>;
        const fault = this.enabled
          ? this.faultFor(operation, input)
          : undefined;
        if (fault === undefined) {
          return next(args);
        }
        if (fault === 'response-lost') {
          await next(args); // an error DynamoDB answers is not a lost success: it passes through
        }
        this.injected.push({ operation, fault, keys: keysNamedBy(input) });
        throw this.errorFor(fault, input);
      },
      { step: 'initialize', name: 'faultInjection' },
    );
  }

  /** How many faults were injected, of one operation or kind when given. */
  count({
    operation,
    fault,
  }: { operation?: string; fault?: DynamoDbFault } = {}): number {
    return this.injected.filter(
      (injected) =>
        (operation === undefined || injected.operation === operation) &&
        (fault === undefined || injected.fault === fault),
    ).length;
  }

  private faultFor(
    operation: string,
    input: Record<string, unknown>,
  ): DynamoDbFault | undefined {
    if (!this.operations.has(operation)) {
      return undefined;
    }
    this.exposedCalls += 1;
    const call = `${operation} ${JSON.stringify(keysNamedBy(input))}`;
    const occurrence = (this.occurrences.get(call) ?? 0) + 1;
    this.occurrences.set(call, occurrence);
    const { seed, rate } = this.options;
    if (seededFraction(seed, call, occurrence) >= rate) {
      return undefined;
    }
    const faults = (
      operation === 'TransactWriteItems' ? WRITE_FAULTS : READ_FAULTS
    ).filter((kind) => this.options.kinds?.includes(kind) ?? true);
    if (faults.length === 0) {
      return undefined;
    }
    const which = seededFraction(seed, call, occurrence, 'kind');
    return faults[Math.floor(which * faults.length)];
  }

  private errorFor(fault: DynamoDbFault, input: Record<string, unknown>) {
    const { sdk } = this.options;
    switch (fault) {
      case 'throughput-exceeded':
        return new sdk.ProvisionedThroughputExceededException({
          message:
            'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
          $metadata: { httpStatusCode: 400, attempts: 3 },
        });
      case 'internal-error':
        return new sdk.InternalServerError({
          message: 'Internal server error',
          $metadata: { httpStatusCode: 500, attempts: 3 },
        });
      case 'transaction-conflict': {
        // Another transaction held the last item; the others were not evaluated.
        const items = (input['TransactItems'] as unknown[] | undefined) ?? [];
        const reasons = items.map((_, index) =>
          index === items.length - 1
            ? {
                Code: 'TransactionConflict',
                Message: 'Transaction is ongoing for the item',
              }
            : { Code: 'None' },
        );
        return new sdk.TransactionCanceledException({
          message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((reason) => reason.Code).join(', ')}]`,
          $metadata: { httpStatusCode: 400, attempts: 1 },
          CancellationReasons: reasons,
        });
      }
      case 'network-error':
      case 'response-lost':
        return Object.assign(new Error('socket hang up'), {
          code: 'ECONNRESET',
          $metadata: { attempts: 3 },
        });
    }
  }
}

/** The keys a call reads or writes: what identifies it across retries (ids and times inside items vary). */
function keysNamedBy(input: Record<string, unknown>): unknown {
  if (input['Key']) {
    return input['Key'];
  }
  if (input['KeyConditionExpression']) {
    return [
      input['IndexName'],
      input['KeyConditionExpression'],
      input['ExpressionAttributeValues'],
    ];
  }
  const items = (input['TransactItems'] as Record<string, unknown>[]) ?? [];
  return items.map((item) => {
    const [action] = Object.values(item) as Record<string, unknown>[];
    const written = action?.['Item'] as Record<string, unknown> | undefined;
    return action?.['Key'] ?? { PK: written?.['PK'], SK: written?.['SK'] };
  });
}
