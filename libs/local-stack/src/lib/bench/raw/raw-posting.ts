import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * The raw baseline's ledger write: what the project's DynamoDB ledger sends for one posting, as
 * bare SDK calls and nothing else. A consistent GetItem of the account (and of the order, for an
 * earning), then ONE TransactWriteItems of the same items the project writes, of about the same
 * size: the idempotency record (holding copies of the entry and order), the entry, the account
 * (guarded by the version read, with its lots) and the order. A lost race is read again and
 * retried with the same jittered backoff as the ledger. Deliberately independent of
 * @loyalty/domain (its keys are spelled out), so that it also stands alone in the bare Lambda
 * bundle the cold start compares with.
 */

/** The ledger's backoff (DEFAULT_BACKOFF in libs/domain); a unit test keeps them equal. */
export const RAW_BACKOFF = { attempts: 25, baseDelayMs: 10, maxDelayMs: 1000 };

export interface RawOrder {
  orderId: string;
  amountMinor: number;
  currency: string;
  items: Array<{
    sku: string;
    category?: string;
    priceMinor: number;
    quantity: number;
  }>;
  channel?: string;
}

export interface RawPosting {
  tenantId: string;
  userId: string;
  idempotencyKey: string;
  /** Positive: earned; negative: redeemed (refused when the balance is short). */
  points: number;
  order?: RawOrder;
}

export type RawPostingOutcome = 'applied' | 'insufficient' | 'duplicate';

interface RawLot {
  lotId: string;
  state: string;
  orderId?: string;
  points: number;
}

interface RawAccount {
  version: number;
  available: number;
  lifetimeEarned: number;
  redeemed: number;
  lots: RawLot[];
  stats: Record<string, unknown>;
}

const partition = (tenantId: string, userId: string) =>
  `TENANT#${tenantId}#USER#${userId}`;

export const rawKeys = {
  tenant: (tenantId: string) => ({ PK: `TENANT#${tenantId}`, SK: 'PROFILE' }),
  campaigns: (tenantId: string) => `TENANT#${tenantId}#CAMPAIGNS`,
  profile: (tenantId: string, userId: string) => ({
    PK: partition(tenantId, userId),
    SK: 'PROFILE',
  }),
  account: (tenantId: string, userId: string) => ({
    PK: partition(tenantId, userId),
    SK: 'ACCOUNT',
  }),
  order: (tenantId: string, orderId: string) => ({
    PK: `TENANT#${tenantId}#ORDER#${orderId}`,
    SK: 'ORDER',
  }),
};

/** Posts once; returns 'duplicate' when the idempotency record already exists. */
export async function postRaw(
  client: DynamoDBDocumentClient,
  tableName: string,
  posting: RawPosting,
): Promise<RawPostingOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    const [accountItem, orderItem] = await Promise.all([
      getConsistent(
        client,
        tableName,
        rawKeys.account(posting.tenantId, posting.userId),
      ),
      posting.order &&
        getConsistent(
          client,
          tableName,
          rawKeys.order(posting.tenantId, posting.order.orderId),
        ),
    ]);
    if (orderItem) {
      return 'duplicate';
    }
    const account = accountItem as RawAccount | undefined;
    if ((account?.available ?? 0) + posting.points < 0) {
      return 'insufficient';
    }
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: transactItems(tableName, posting, account),
        }),
      );
      return 'applied';
    } catch (error) {
      const codes =
        error instanceof TransactionCanceledException
          ? (error.CancellationReasons ?? []).map((reason) => reason.Code)
          : [];
      if (codes[0] === 'ConditionalCheckFailed') {
        return 'duplicate';
      }
      const lostRace =
        codes.includes('ConditionalCheckFailed') ||
        codes.includes('TransactionConflict');
      if (!lostRace || attempt >= RAW_BACKOFF.attempts) {
        throw error;
      }
      const cap = Math.min(
        RAW_BACKOFF.maxDelayMs,
        RAW_BACKOFF.baseDelayMs * 2 ** attempt,
      );
      await new Promise((resolve) =>
        setTimeout(resolve, Math.floor(Math.random() * cap)),
      );
    }
  }
}

async function getConsistent(
  client: DynamoDBDocumentClient,
  tableName: string,
  key: Record<string, string>,
): Promise<Record<string, unknown> | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
  );
  return Item;
}

function transactItems(
  tableName: string,
  posting: RawPosting,
  account: RawAccount | undefined,
) {
  const now = new Date().toISOString();
  const entryId = `txn_${randomUUID()}`;
  const sequence = (account?.version ?? 0) + 1;
  const sortKey = `ENTRY#${String(sequence).padStart(12, '0')}`;
  const line = { reason: 'raw baseline', kind: 'base', points: posting.points };
  const lots = nextLots(account?.lots ?? [], posting, entryId);
  const entry = {
    tenantId: posting.tenantId,
    userId: posting.userId,
    entryId,
    sequence,
    type: posting.points >= 0 ? 'earned' : 'redeemed',
    points: Math.abs(posting.points),
    reason: posting.order ? `Purchase ${posting.order.orderId}` : 'Redemption',
    source: {
      kind: posting.order ? 'order' : 'redemption',
      id: posting.idempotencyKey,
    },
    changes: {
      available: posting.points,
      lifetimeEarned: Math.max(0, posting.points),
    },
    lots: [{ lotId: entryId, points: Math.abs(posting.points) }],
    lines: [line],
    balanceAfter: (account?.available ?? 0) + posting.points,
    pendingAfter: 0,
    createdAt: now,
  };
  const order = posting.order && {
    tenantId: posting.tenantId,
    userId: posting.userId,
    ...posting.order,
    status: 'completed',
    pointsEarned: posting.points,
    pointsReversed: 0,
    refundedMinor: 0,
    refundedItems: {},
    earnEntryId: entryId,
    lines: [line],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const nextAccount = {
    ...rawKeys.account(posting.tenantId, posting.userId),
    GSI2PK: 'DUE#0',
    GSI2SK: `${now}#${posting.tenantId}#${posting.userId}`,
    entityType: 'POINTS_ACCOUNT',
    tenantId: posting.tenantId,
    userId: posting.userId,
    available: (account?.available ?? 0) + posting.points,
    pending: 0,
    lifetimeEarned:
      (account?.lifetimeEarned ?? 0) + Math.max(0, posting.points),
    redeemed: (account?.redeemed ?? 0) + Math.max(0, -posting.points),
    expired: 0,
    lots,
    stats: account?.stats ?? {
      completedOrders: 1,
      spendByMonth: { [now.slice(0, 7)]: posting.order?.amountMinor ?? 0 },
      currency: posting.order?.currency ?? 'USD',
      spentMinor: posting.order?.amountMinor ?? 0,
      tier: { tier: 'bronze', heldUntil: now },
    },
    nextDueAt: now,
    updatedAt: now,
    version: sequence,
  };
  const items: object[] = [
    {
      Put: {
        TableName: tableName,
        Item: {
          PK: `TENANT#${posting.tenantId}#IDEMPOTENCY#${posting.idempotencyKey}`,
          SK: 'IDEMPOTENCY',
          entityType: 'IDEMPOTENCY',
          requestHash: randomBytes(32).toString('hex'),
          entry,
          ...(order && { order }),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          PK: partition(posting.tenantId, posting.userId),
          SK: sortKey,
          GSI1PK: `${partition(posting.tenantId, posting.userId)}#TYPE#${entry.type}`,
          GSI1SK: sortKey,
          entityType: 'LEDGER_ENTRY',
          ...entry,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: nextAccount,
        ...versionGuard(account?.version),
      },
    },
  ];
  if (order) {
    items.push({
      Put: {
        TableName: tableName,
        Item: {
          ...rawKeys.order(posting.tenantId, order.orderId),
          GSI1PK: `${partition(posting.tenantId, posting.userId)}#ORDERS`,
          GSI1SK: `${now}#${order.orderId}`,
          GSI2PK: `TENANT#${posting.tenantId}#ORDERS`,
          GSI2SK: `${now}#${order.orderId}`,
          entityType: 'ORDER',
          ...order,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  }
  return items as NonNullable<
    ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
  >;
}

function versionGuard(version: number | undefined) {
  return version === undefined
    ? { ConditionExpression: 'attribute_not_exists(PK)' }
    : {
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': version },
      };
}

/** An earning adds a lot; a redemption spends the oldest lots first (emptied lots are dropped). */
function nextLots(
  lots: RawLot[],
  posting: RawPosting,
  entryId: string,
): RawLot[] {
  if (posting.points >= 0) {
    return [
      ...lots,
      {
        lotId: entryId,
        state: 'available',
        ...(posting.order && { orderId: posting.order.orderId }),
        points: posting.points,
      },
    ];
  }
  let owed = -posting.points;
  return lots.flatMap((lot) => {
    const spent = Math.min(owed, lot.points);
    owed -= spent;
    return lot.points - spent > 0
      ? [{ ...lot, points: lot.points - spent }]
      : [];
  });
}
