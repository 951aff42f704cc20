import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '../shared/page';
import type { DeliveryClaimKey, DeliveryClaimOutcome, DeliveryClaimRequest, WebhookDeliveryClaims } from '../webhooks/webhook-delivery-claims';
import type { WebhookDeliveryFilter, WebhookDeliveryLog } from '../webhooks/webhook-delivery-log';
import type { WebhookDeliveryRecord } from '../webhooks/webhook-delivery-record';
import { fromItem, keys } from './keys';
import { queryPage } from './query-pages';
import { claimEnqueued, claimPut, deliveryPageQuery, deliveryRecordPut, heldClaim } from './webhook-delivery-commands';

/**
 * The raw log (one partition per tenant, newest first) and the delivery claims (one item per
 * provider delivery id), both expiring with the retention through the table's TTL.
 */
export class DynamoDbWebhookDeliveries implements WebhookDeliveryLog, WebhookDeliveryClaims {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(record: WebhookDeliveryRecord): Promise<void> {
    await this.client.send(new PutCommand(deliveryRecordPut(this.tableName, record)));
  }

  async get(tenantId: string, id: string): Promise<WebhookDeliveryRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.webhookDelivery(tenantId, id), ConsistentRead: true }),
    );
    return Item ? fromItem<WebhookDeliveryRecord>(Item) : undefined;
  }

  async list(tenantId: string, filter: WebhookDeliveryFilter, page: PageRequest): Promise<Page<WebhookDeliveryRecord>> {
    return queryPage<WebhookDeliveryRecord>(this.client, deliveryPageQuery(this.tableName, tenantId, filter), {
      ...page,
      keyAttributes: ['PK', 'SK'],
    });
  }

  async claim(key: DeliveryClaimKey, request: DeliveryClaimRequest): Promise<DeliveryClaimOutcome> {
    try {
      await this.client.send(new PutCommand(claimPut(this.tableName, key, request)));
      return { claimed: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) || !error.Item) throw error;
      return { claimed: false, ...heldClaim(error.Item) };
    }
  }

  async markEnqueued(key: DeliveryClaimKey): Promise<void> {
    await this.client.send(new UpdateCommand(claimEnqueued(this.tableName, key)));
  }

  async release(key: DeliveryClaimKey, recordId: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.webhookClaim(key.tenantId, key.provider, key.deliveryId),
          ConditionExpression: 'recordId = :recordId',
          ExpressionAttributeValues: { ':recordId': recordId },
        }),
      );
    } catch (error) {
      // Taken over meanwhile: the claim is the other attempt's now.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
