import { SQSClient } from '@aws-sdk/client-sqs';
import { createDocumentClient } from '@loyalty/domain';
import {
  accountOutcomes,
  buildOrderCancelledEvent,
  buildOrderCompletedEvent,
  buildOrderRefundedEvent,
  createScenarioQueues,
  EVENTS_MAX_RECEIVE_COUNT,
  InvocationRecorder,
  orderEventMix,
  ProcessLogCapture,
  receiveAllMessages,
  reconcileTenant,
  scenarioSeed,
  SeededRandom,
  sendBodies,
  waitUntilDrained,
  type EventsQueues,
  type LogEntry,
} from '@loyalty/local-stack';
import { randomUUID } from 'node:crypto';
import { loadProcessorContainer, type ProcessorContainer } from '../testing/processor-container';
import { startProcessorFleet } from '../testing/processor-fleet';

const seed = scenarioSeed(3_033);
const VISIBILITY_TIMEOUT_SECONDS = 2;
const DRAIN_TIMEOUT_MS = 60_000;

interface Poison {
  readonly what: string;
  readonly body: string;
  /** What the processor logs about it on every receive. */
  readonly logged: Partial<LogEntry>;
}

/**
 * Malformed and invalid messages, mixed into batches of good ones, are reported as failed on every
 * receive, with their reason logged, until the queue's redrive policy moves them to the
 * dead-letter queue after exactly maxReceiveCount (5) receives. The good ones take effect once.
 * A refund of an order that never comes is retried as "not yet known" (delivery is unordered), and
 * what ends it is the same redrive limit.
 */
describe('reliability: poison messages', () => {
  const tableName = process.env['TABLE_NAME'] as string;
  const client = createDocumentClient();
  const sqs = new SQSClient({});
  const logs = new ProcessLogCapture();
  let container: ProcessorContainer;
  let queues: EventsQueues;

  beforeAll(async () => {
    logs.start();
    container = await loadProcessorContainer();
    queues = await createScenarioQueues(sqs, VISIBILITY_TIMEOUT_SECONDS);
  }, 60_000);

  afterAll(() => {
    logs.stop();
    sqs.destroy();
  });

  it(`sends each bad message to the dead-letter queue after ${EVENTS_MAX_RECEIVE_COUNT} receives and applies the good ones once (seed ${seed})`, async () => {
    // Prepare
    const random = new SeededRandom(seed);
    const tenantId = `t-${randomUUID()}`;
    const good = orderEventMix(random, { tenantId, users: 5, orders: 30 });
    const poison = poisonMessages(tenantId);
    const bodies = random.shuffle([...good.completions.map((event) => event.body), ...poison.map(({ body }) => body)]);
    const recorder = new InvocationRecorder();
    const fleet = startProcessorFleet({ sqs, queues, containers: [container], recorder });

    // Act
    try {
      await sendBodies(sqs, queues.eventsQueueUrl, bodies);
      await waitUntilDrained(sqs, queues.eventsQueueUrl, DRAIN_TIMEOUT_MS);
    } finally {
      await fleet.stop();
    }

    // Assess
    const deadLetters = await receiveAllMessages(sqs, queues.deadLetterQueueUrl);
    expect(deadLetters.map((message) => message.Body).sort()).toEqual(poison.map(({ body }) => body).sort());
    const receives = Array.from({ length: EVENTS_MAX_RECEIVE_COUNT }, (_, i) => i + 1);
    for (const { what, body, logged } of poison) {
      const deliveries = recorder.deliveriesOf(body);
      const [messageId] = new Set(deliveries.map((delivery) => delivery.messageId));
      const reasons = logs.entries.filter((entry) => entry['messageId'] === messageId);
      expect({ what, receives: deliveries.map((delivery) => delivery.receiveCount) }).toEqual({ what, receives });
      expect({ what, logged: reasons.map((entry) => entry['receiveCount']) }).toEqual({ what, logged: receives });
      reasons.forEach((entry, index) => expect(entry).toMatchObject(index === reasons.length - 1 ? onLastReceive(logged) : logged));
    }
    const userIds = good.expected.userIds();
    expect(await accountOutcomes(client, tableName, tenantId, userIds)).toEqual(good.expected.outcomes());
    expect(await reconcileTenant(client, tableName, tenantId)).toEqual({ accounts: userIds.length, drifts: [] });
    const applied = logs.withMessage('Order completed').filter((entry) => entry['tenantId'] === tenantId);
    expect(applied).toHaveLength(good.completions.length);
    console.log(
      `poison (seed ${seed}): ${poison.length} bad messages among ${good.completions.length} good ones; ` +
        `${recorder.failedRecords} records reported in batchItemFailures, ${deadLetters.length} in the dead-letter queue ` +
        `after ${EVENTS_MAX_RECEIVE_COUNT} receives each; every good one applied once`,
    );
  }, 120_000);
});

/** What the processor says instead on a message's last receive, when the redrive moves it next. */
function onLastReceive(logged: Partial<LogEntry>): Partial<LogEntry> {
  return logged.level === 'WARN'
    ? { ...logged, level: 'ERROR', message: 'Event failed on its last receive; the redrive moves it to the dead-letter queue' }
    : { ...logged, message: 'Event rejected; the redrive moves it to the dead-letter queue now' };
}

/** One of each kind of message that can never be processed, with what the processor says about it. */
function poisonMessages(tenantId: string): Poison[] {
  const order = (amount: string, changes: Record<string, unknown> = {}) => {
    const event = buildOrderCompletedEvent({ tenantId, userId: 'user_1', orderId: `order_${randomUUID()}`, amount, currency: 'USD' });
    return { ...event, detail: { ...event.detail, ...changes } };
  };
  const rejected = (reason: string, details: Record<string, unknown> = {}) => ({
    level: 'ERROR',
    message: 'Event rejected; it goes to the dead-letter queue after the redrive limit',
    reason,
    details,
  });
  const invalidOrder = (field: string, constraint: string) =>
    rejected('Invalid OrderCompletedDetail', { fields: { [field]: [expect.stringContaining(constraint)] } });
  const notYetKnown = {
    level: 'WARN',
    message: 'Event failed; it will be retried',
    retryable: true,
    error: expect.objectContaining({ code: 'ORDER_NOT_YET_KNOWN' }),
  };
  const withoutOrderId = Object.fromEntries(Object.entries(order('10.00').detail).filter(([field]) => field !== 'orderId'));
  return [
    { what: 'malformed JSON', body: '{"detail-type": "order.completed", "detail": {', logged: rejected('Message body is not valid JSON') },
    {
      what: 'an unknown event type',
      body: JSON.stringify({ ...order('10.00'), 'detail-type': 'order.teleported' }),
      logged: rejected('Unsupported event type "order.teleported"'),
    },
    {
      what: 'a bare detail that names no type',
      body: JSON.stringify(order('10.00').detail),
      logged: rejected('Bare event detail names no type ("type" field or "eventType" attribute)'),
    },
    { what: 'a negative amount', body: JSON.stringify(order('10.00', { amount: -5 })), logged: invalidOrder('amount', 'less than 0') },
    { what: 'an unknown currency', body: JSON.stringify(order('10.00', { currency: 'dollars' })), logged: invalidOrder('currency', 'ISO4217') },
    {
      what: 'no orderId',
      body: JSON.stringify({ ...order('10.00'), detail: withoutOrderId }),
      logged: invalidOrder('orderId', 'orderId must match'),
    },
    {
      what: 'a refund of a negative amount',
      body: JSON.stringify(buildOrderRefundedEvent({ tenantId, orderId: 'order_unknown', amount: '5.00' }))
        .replace('"amount":5', '"amount":-5'),
      logged: rejected('Invalid OrderRefundedDetail', { fields: { amount: [expect.stringContaining('less than 0')] } }),
    },
    {
      what: 'a refund of an order that never comes',
      body: JSON.stringify(buildOrderRefundedEvent({ tenantId, orderId: 'order_never', amount: '5.00', refundId: 'refund_1' })),
      logged: notYetKnown,
    },
    {
      what: 'a cancellation of an order that never comes',
      body: JSON.stringify(buildOrderCancelledEvent({ tenantId, orderId: 'order_never_either' })),
      logged: notYetKnown,
    },
  ];
}
