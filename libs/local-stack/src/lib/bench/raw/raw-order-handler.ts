import {
  GetCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { postRaw, rawKeys } from './raw-posting';

/** How long the project keeps a tenant's program and campaigns (CachedProgramSettingsReader, CachedCampaignReader). */
export const TENANT_CACHE_MS = 30_000;

interface OrderDetail {
  tenantId: string;
  userId: string;
  orderId: string;
  amount: number;
  currency: string;
  items: Array<{
    sku: string;
    category?: string;
    price: number;
    quantity: number;
  }>;
  channel?: string;
}

/**
 * The raw baseline of the processor: an SQS handler that reads the same items the project reads
 * for an order.completed event (the tenant's program and campaigns once per tenant and 30 s, as
 * the project caches them; the customer's profile; the account and the order) and writes the same
 * transaction (raw-posting.ts). The records of a batch are handled at once, as the project's
 * batch processor does; no validation, no rules, no logging.
 */
export function createRawOrderHandler(
  client: DynamoDBDocumentClient,
  tableName: string,
): (event: SQSEvent) => Promise<SQSBatchResponse> {
  const tenantReads = new Map<string, { at: number; read: Promise<unknown> }>();
  const readTenant = (tenantId: string) =>
    Promise.all([
      client.send(
        new GetCommand({ TableName: tableName, Key: rawKeys.tenant(tenantId) }),
      ),
      client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': rawKeys.campaigns(tenantId) },
        }),
      ),
    ]);

  return async (event) => {
    const outcomes = await Promise.allSettled(
      event.Records.map(async (record) => {
        const { detail } = JSON.parse(record.body) as { detail: OrderDetail };
        let tenant = tenantReads.get(detail.tenantId);
        if (!tenant || Date.now() - tenant.at >= TENANT_CACHE_MS) {
          tenant = { at: Date.now(), read: readTenant(detail.tenantId) };
          tenantReads.set(detail.tenantId, tenant);
        }
        await Promise.all([
          tenant.read,
          client.send(
            new GetCommand({
              TableName: tableName,
              Key: rawKeys.profile(detail.tenantId, detail.userId),
            }),
          ),
        ]);
        const amountMinor = Math.round(detail.amount * 100);
        await postRaw(client, tableName, {
          tenantId: detail.tenantId,
          userId: detail.userId,
          idempotencyKey: `order#${detail.orderId}#completed`,
          points: Math.floor(amountMinor / 1000),
          order: {
            orderId: detail.orderId,
            amountMinor,
            currency: detail.currency,
            items: detail.items.map((item) => ({
              sku: item.sku,
              category: item.category,
              priceMinor: Math.round(item.price * 100),
              quantity: item.quantity,
            })),
            channel: detail.channel,
          },
        });
      }),
    );
    return {
      batchItemFailures: event.Records.filter(
        (_, index) => outcomes[index].status === 'rejected',
      ).map((record) => ({ itemIdentifier: record.messageId })),
    };
  };
}
