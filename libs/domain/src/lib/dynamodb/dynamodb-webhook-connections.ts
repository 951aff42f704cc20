import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError } from '../shared/already-exists-error';
import { ConcurrencyError } from '../shared/concurrency-error';
import { err, ok, Result } from '../shared/result';
import type { StoredWebhookConnection } from '../webhooks/stored-webhook-connection';
import type { WebhookConnectionRepository } from '../webhooks/webhook-connection-repository';
import type { WebhookProviderName } from '../webhooks/webhook-provider';
import { keys, webhookConnectionsPartition } from './keys';
import { failedConditions } from './transaction-cancellation';
import { connectionDelete, connectionFromItem, connectionSave } from './webhook-connection-commands';

/**
 * Connections in the tenant's `TENANT#<id>#WEBHOOKS` partition, one item per provider; Shopify shop
 * domains in an index item each (`SHOPIFY_SHOP#<domain>`), written in the same transaction.
 */
export class DynamoDbWebhookConnections implements WebhookConnectionRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(tenantId: string, provider: WebhookProviderName): Promise<StoredWebhookConnection | undefined> {
    const { Item } = await this.client.send(
      // Consistent: a rotated secret is in force at once.
      new GetCommand({ TableName: this.tableName, Key: keys.webhookConnection(tenantId, provider), ConsistentRead: true }),
    );
    return Item ? connectionFromItem(Item) : undefined;
  }

  async findByShopDomain(shopDomain: string): Promise<StoredWebhookConnection | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.shopifyShop(shopDomain), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const connection = await this.get(Item['tenantId'] as string, 'shopify');
    // The index item and the connection change together; this guards a read between two changes.
    return connection?.shopDomain === shopDomain ? connection : undefined;
  }

  async list(tenantId: string): Promise<readonly StoredWebhookConnection[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :partition',
        ExpressionAttributeValues: { ':partition': webhookConnectionsPartition(tenantId) },
        ConsistentRead: true,
      }),
    );
    return Items.map(connectionFromItem);
  }

  async save(
    connection: StoredWebhookConnection,
    previous: StoredWebhookConnection | undefined,
  ): Promise<Result<StoredWebhookConnection, AlreadyExistsError | ConcurrencyError>> {
    const { input, names } = connectionSave(this.tableName, connection, previous);
    try {
      await this.client.send(new TransactWriteCommand(input));
      return ok(connection);
    } catch (error) {
      const failed = failedConditions(error, names);
      if (failed.includes('shop')) {
        return err(
          new AlreadyExistsError(`The shop ${connection.shopDomain} is connected to another tenant`, {
            fields: { shopDomain: 'a shop no other tenant is connected to' },
          }),
        );
      }
      if (failed.length > 0) {
        return err(
          new ConcurrencyError(`The ${connection.provider} connection was changed by someone else meanwhile`, {
            provider: connection.provider,
          }),
        );
      }
      throw error;
    }
  }

  async delete(connection: StoredWebhookConnection): Promise<boolean> {
    try {
      await this.client.send(new TransactWriteCommand(connectionDelete(this.tableName, connection)));
      return true;
    } catch (error) {
      if (failedConditions(error, ['connection']).length > 0) return false;
      throw error;
    }
  }
}
