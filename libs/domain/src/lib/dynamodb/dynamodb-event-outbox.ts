import { DeleteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { EventOutbox } from '../events/event-outbox';
import type { OutboundEvent } from '../events/outbound-event';
import { keys, PENDING_EVENTS } from './keys';

/**
 * The outbox's events are written by the producers' own transactions (see outboxItem); this adapter
 * lists those still waiting, on index GSI2, and deletes them once published.
 */
export class DynamoDbEventOutbox implements EventOutbox {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async pending(before: Date, limit: number): Promise<OutboundEvent[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pending AND GSI2SK < :before',
        ExpressionAttributeValues: { ':pending': PENDING_EVENTS, ':before': before.toISOString() },
        Limit: limit,
      }),
    );
    return Items.map((item) => item['event'] as OutboundEvent);
  }

  async markPublished(event: OutboundEvent): Promise<void> {
    await this.client.send(
      new DeleteCommand({ TableName: this.tableName, Key: keys.outboxEvent(event.detail.tenantId, event.id) }),
    );
  }
}
