import { Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, keys, newId, OutboundEvent, outboxItem } from '@loyalty/domain';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { relayPendingEventsHandler } from '../main';

// Runs the real handler against the DynamoDB Local and SQS server the integration set-up starts.
const tableName = process.env['TABLE_NAME'] ?? '';
const queueUrl = process.env['EVENTS_QUEUE_URL'] ?? '';
const client = createDocumentClient();
const sqs = new SQSClient({});
const context = { awsRequestId: 'test', functionName: 'eventRelay', getRemainingTimeInMillis: () => 60_000 } as Context;

function userCreated(tenantId: string, time: Date): OutboundEvent {
  const eventId = newId('evt');
  return { id: eventId, type: 'user.created', source: 'loyalty.api', time: time.toISOString(), detail: { tenantId, eventId } };
}

async function receive(eventId: string): Promise<Message | undefined> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ['All'] }),
    );
    const match = Messages.find((message) => JSON.parse(message.Body ?? '{}').id === eventId);
    if (match) return match;
  }
  return undefined;
}

describe('outbox relay handler against the local servers', () => {
  it('publishes the events their producer left behind, and leaves it the recent ones', async () => {
    // Prepare
    const tenantId = `t-${randomUUID()}`;
    const stale = userCreated(tenantId, new Date(Date.now() - 2 * 60_000));
    const recent = userCreated(tenantId, new Date());
    for (const event of [stale, recent]) {
      await client.send(new PutCommand({ TableName: tableName, Item: outboxItem(event) }));
    }

    // Act
    const outcome = await relayPendingEventsHandler({} as ScheduledEvent, context);

    // Assess
    expect(outcome.published).toBeGreaterThanOrEqual(1);
    const message = await receive(stale.id);
    expect(JSON.parse(message?.Body ?? '{}')).toEqual({
      'detail-type': 'user.created',
      source: 'loyalty.api',
      id: stale.id,
      time: stale.time,
      detail: stale.detail,
    });
    expect(message?.MessageAttributes?.['eventType']?.StringValue).toBe('user.created');
    const stored = async (event: OutboundEvent) =>
      (await client.send(new GetCommand({ TableName: tableName, Key: keys.outboxEvent(tenantId, event.id), ConsistentRead: true }))).Item;
    expect(await stored(stale)).toBeUndefined();
    expect(await stored(recent)).toBeDefined();
  });
});
