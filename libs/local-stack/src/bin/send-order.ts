/**
 * `npm run send:order -- --tenant demo --user user_123 --order order_1 --amount 150.00 --currency USD`
 * Sends an order.completed EventBridge envelope to the local events queue and prints it.
 * Every option has a default; --event-id repeats a producer event id to try a duplicate delivery.
 */
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { parseArgs } from 'node:util';
import { createLocalSqsClient } from '../lib/aws/local-aws-clients';
import { readLocalStackSettings } from '../lib/config/local-stack-settings';
import { buildOrderCompletedEvent } from '../lib/events/order-completed-event';
import { LOOPBACK_HOST } from '../lib/net/free-port';
import { findEventsQueues } from '../lib/sqs/find-events-queues';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string', default: 'demo' },
      user: { type: 'string', default: 'user_123' },
      order: { type: 'string', default: `order_${Date.now()}` },
      amount: { type: 'string', default: '150.00' },
      currency: { type: 'string', default: 'USD' },
      'event-id': { type: 'string' },
    },
  });
  const event = buildOrderCompletedEvent({
    tenantId: values.tenant,
    userId: values.user,
    orderId: values.order,
    amount: values.amount,
    currency: values.currency,
    eventId: values['event-id'],
  });

  const sqs = createLocalSqsClient(
    `http://${LOOPBACK_HOST}:${readLocalStackSettings().ports.sqsPort}`,
  );
  try {
    const { eventsQueueUrl } = await findEventsQueues(sqs);
    const { MessageId } = await sqs.send(
      new SendMessageCommand({
        QueueUrl: eventsQueueUrl,
        MessageBody: JSON.stringify(event),
      }),
    );
    console.log(JSON.stringify(event, null, 2));
    console.log(`Sent to ${eventsQueueUrl} as message ${MessageId}`);
  } finally {
    sqs.destroy();
  }
}

main().catch((error: Error) => {
  console.error(
    `Could not send the event: ${error.message}\nIs the local stack running (npm start or npm run infra)?`,
  );
  process.exit(1);
});
