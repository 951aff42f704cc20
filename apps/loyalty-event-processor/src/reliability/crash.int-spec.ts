import { SQSClient } from '@aws-sdk/client-sqs';
import { createDocumentClient } from '@loyalty/domain';
import {
  accountOutcomes,
  createScenarioQueues,
  orderEventMix,
  queueCounts,
  receiveAllMessages,
  reconcileTenant,
  scenarioSeed,
  SeededRandom,
  sendBodies,
  startQueueConsumer,
  waitUntil,
  waitUntilDrained,
  type EventsQueues,
  type QueueConsumer,
} from '@loyalty/local-stack';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

const seed = scenarioSeed(4_044);
const VISIBILITY_TIMEOUT_SECONDS = 2;
const DRAIN_TIMEOUT_MS = 60_000;
const ORDERS = 60;
/** The kill comes after this many orders were applied: the 5th record of the second batch of 10. */
const KILL_AFTER_APPLIED = 15;

/**
 * The processor runs in a process of its own, polling the queue, and is killed with SIGKILL in the
 * middle of a batch: some of its records were written, none was deleted from the queue. A new
 * process takes over; once the queue is drained, every order was applied exactly once. Two
 * customers share the orders, so a batch's postings to one account queue up and the batch lasts.
 */
describe('reliability: processor killed mid-batch', () => {
  const tableName = process.env['TABLE_NAME'] as string;
  const client = createDocumentClient();
  const sqs = new SQSClient({});
  const consumers: QueueConsumer[] = [];
  let queues: EventsQueues;

  beforeAll(async () => {
    queues = await createScenarioQueues(sqs, VISIBILITY_TIMEOUT_SECONDS);
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    sqs.destroy();
  });

  /** The processor's handler in a child process; its log lines of this tenant go to `onLog`. */
  async function startProcessor(tenantId: string, onLog: (entry: Record<string, unknown>) => void): Promise<QueueConsumer> {
    const consumer = await startQueueConsumer({
      handlerFile: 'apps/loyalty-event-processor/src/main.ts',
      tsconfig: 'apps/loyalty-event-processor/tsconfig.app.json',
      queueUrl: queues.eventsQueueUrl,
      env: process.env,
      onOutputLine: (line) => {
        const entry = parseLogLine(line);
        if (entry?.['tenantId'] === tenantId) onLog(entry);
      },
    });
    consumers.push(consumer);
    return consumer;
  }

  it(`applies every event once after a crash in the middle of a batch (seed ${seed})`, async () => {
    // Prepare
    const tenantId = `t-${randomUUID()}`;
    const mix = orderEventMix(new SeededRandom(seed), { tenantId, users: 2, orders: ORDERS });
    const userIds = mix.expected.userIds();
    await sendBodies(sqs, queues.eventsQueueUrl, mix.completions.map((event) => event.body));
    let appliedBeforeKill = 0;
    let killed = false;
    let first: QueueConsumer | undefined = undefined;
    first = await startProcessor(tenantId, (entry) => {
      if (entry['message'] === 'Order completed') appliedBeforeKill += 1;
      if (appliedBeforeKill === KILL_AFTER_APPLIED && first && !killed) {
        killed = true;
        process.kill(first.pid, 'SIGKILL');
      }
    });

    // Act
    await waitUntil(async () => killed, { description: `${KILL_AFTER_APPLIED} orders applied`, timeoutMs: DRAIN_TIMEOUT_MS });
    await first.stop();
    await sleep((VISIBILITY_TIMEOUT_SECONDS + 1) * 1_000); // the killed batch's messages are visible again
    const written = sum(Object.values(await accountOutcomes(client, tableName, tenantId, userIds)).map((account) => account?.entries ?? 0));
    const { visible, inFlight } = await queueCounts(sqs, queues.eventsQueueUrl);
    const left = visible + inFlight;
    const repeats: unknown[] = [];
    const second = await startProcessor(tenantId, (entry) => {
      if (entry['message'] === 'Order completed (already applied)') repeats.push(entry['orderId']);
    });
    await waitUntilDrained(sqs, queues.eventsQueueUrl, DRAIN_TIMEOUT_MS);
    await second.stop();

    // Assess
    const writtenNotDeleted = written + left - ORDERS;
    expect(written).toBeLessThan(ORDERS);
    expect(writtenNotDeleted).toBeGreaterThan(0); // the kill came between the writes and the deletion
    expect(await accountOutcomes(client, tableName, tenantId, userIds)).toEqual(mix.expected.outcomes());
    expect(await reconcileTenant(client, tableName, tenantId)).toEqual({ accounts: userIds.length, drifts: [] });
    expect(await receiveAllMessages(sqs, queues.deadLetterQueueUrl)).toEqual([]);
    expect(repeats.length).toBeGreaterThanOrEqual(writtenNotDeleted);
    console.log(
      `crash (seed ${seed}): ${ORDERS} orders; the processor (PID ${first.pid}) was killed after ${written} were written, ` +
        `${ORDERS - left} deleted from the queue: ${writtenNotDeleted} written but not deleted; the new process ` +
        `(PID ${second.pid}) found ${repeats.length} already applied and applied the other ${left - repeats.length}`,
    );
  }, 150_000);
});

function parseLogLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
