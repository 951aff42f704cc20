import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { StoredWebhookConnection } from '../webhooks/stored-webhook-connection';
import { fromItem, keys } from './keys';
import type { NamedTransaction } from './user-transactions';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** connection: changed since it was read; shop: another tenant's; release: a shop item no longer this tenant's. */
export type ConnectionSaveItem = 'connection' | 'shop' | 'release';

/**
 * Stores a connection over the one it was read as (none: it must not exist yet; else unchanged
 * since), with the shop domain index: the new domain is claimed unless another tenant holds it, a
 * domain given up is released.
 */
export function connectionSave(
  tableName: string,
  connection: StoredWebhookConnection,
  previous: StoredWebhookConnection | undefined,
): NamedTransaction<ConnectionSaveItem> {
  const items: [ConnectionSaveItem, TransactItem][] = [
    [
      'connection',
      {
        Put: {
          TableName: tableName,
          Item: { ...keys.webhookConnection(connection.tenantId, connection.provider), entityType: 'WEBHOOK_CONNECTION', ...connection },
          ...(previous
            ? {
                ConditionExpression: '#updatedAt = :previousUpdatedAt',
                ExpressionAttributeNames: { '#updatedAt': 'updatedAt' },
                ExpressionAttributeValues: { ':previousUpdatedAt': previous.updatedAt },
              }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        },
      },
    ],
  ];
  const { shopDomain } = connection;
  if (shopDomain !== undefined && shopDomain !== previous?.shopDomain) {
    items.push([
      'shop',
      {
        Put: {
          TableName: tableName,
          Item: { ...keys.shopifyShop(shopDomain), entityType: 'SHOPIFY_SHOP', shopDomain, tenantId: connection.tenantId },
          ConditionExpression: 'attribute_not_exists(PK) OR tenantId = :tenantId',
          ExpressionAttributeValues: { ':tenantId': connection.tenantId },
        },
      },
    ]);
  }
  if (previous?.shopDomain !== undefined && previous.shopDomain !== shopDomain) {
    items.push(['release', shopRelease(tableName, previous.tenantId, previous.shopDomain)]);
  }
  return { input: { TransactItems: items.map(([, item]) => item) }, names: items.map(([name]) => name) };
}

/** Removes a connection and the shop domain it held. */
export function connectionDelete(tableName: string, connection: StoredWebhookConnection): TransactWriteCommandInput {
  const items: TransactItem[] = [
    {
      Delete: {
        TableName: tableName,
        Key: keys.webhookConnection(connection.tenantId, connection.provider),
        ConditionExpression: 'attribute_exists(PK)',
      },
    },
  ];
  if (connection.shopDomain !== undefined) items.push(shopRelease(tableName, connection.tenantId, connection.shopDomain));
  return { TransactItems: items };
}

/** The shop item goes only while it is still this tenant's. */
function shopRelease(tableName: string, tenantId: string, shopDomain: string): TransactItem {
  return {
    Delete: {
      TableName: tableName,
      Key: keys.shopifyShop(shopDomain),
      ConditionExpression: 'attribute_not_exists(PK) OR tenantId = :tenantId',
      ExpressionAttributeValues: { ':tenantId': tenantId },
    },
  };
}

export function connectionFromItem(item: Record<string, unknown>): StoredWebhookConnection {
  return fromItem<StoredWebhookConnection>(item);
}
