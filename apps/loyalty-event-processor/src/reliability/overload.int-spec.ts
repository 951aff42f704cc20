import { SQSClient } from '@aws-sdk/client-sqs';
import { createDocumentClient } from '@loyalty/domain';
import {
  accountOutcomes,
  createScenarioQueues,
  InvocationRecorder,
  orderEventMix,
  ProcessLogCapture,
  queueCounts,
  receiveAllMessages,
  reconcileTenant,
  scenarioSeed,
  SeededRandom,
  sendBodies,
  waitUntilDrained,
  type EventsQueues,
} from '@loyalty/local-stack';
import { randomUUID } from 'node:crypto';
import { loadProcessorContainer, type ProcessorContainer } from '../testing/processor-container';
import { startProcessorFleet } from '../testing/processor-fleet';

const seed = scenarioSeed(5_055);
const EVENTS = 1_000;
/** The processor's concurrency: two containers, a batch of 10 each. */
const PROCESSOR_CONTAINERS = 2;
/** Nothing fails here, so nothing needs a quick retry: the timeout only has to outlast a slow batch. */
const VISIBILITY_TIMEOUT_SECONDS = 10;
const DRAIN_TIMEOUT_MS = 180_000;

/**
 * A burst of order events sent as fast as the queue takes them, far faster than two processor
 * containers can apply them: the queue holds the backlog, and once it is drained every order was
 * applied exactly once. The drain time and throughput are reported, not asserted: they measure
 * this machine, not the product.
 */
describe('reliability: overload', () => {
  const tableName = process.env['TABLE_NAME'] as string;
  const client = createDocumentClient();
  const sqs = new SQSClient({});
  const logs = new ProcessLogCapture();
  let containers: ProcessorContainer[];
  let queues: EventsQueues;

  beforeAll(async () => {
    logs.start();
    containers = [];
    for (let i = 0; i < PROCESSOR_CONTAINERS; i++) containers.push(await loadProcessorContainer());
    queues = await createScenarioQueues(sqs, VISIBILITY_TIMEOUT_SECONDS);
  }, 60_000);

  afterAll(() => {
    logs.stop();
    sqs.destroy();
  });

  it(`absorbs a burst of ${EVENTS} events and loses or doubles none (seed ${seed})`, async () => {
    // Prepare
    const tenantId = `t-${randomUUID()}`;
    const mix = orderEventMix(new SeededRandom(seed), { tenantId, users: 40, orders: EVENTS });
    const recorder = new InvocationRecorder();
    let peakBacklog = 0;
    const watchBacklog = setInterval(() => {
      void queueCounts(sqs, queues.eventsQueueUrl).then(({ visible }) => (peakBacklog = Math.max(peakBacklog, visible)));
    }, 250);

    // Act
    const startedAt = Date.now();
    const fleet = startProcessorFleet({ sqs, queues, containers, recorder });
    let sentAt: number;
    let drainedAt: number;
    try {
      await sendBodies(sqs, queues.eventsQueueUrl, mix.completions.map((event) => event.body), { concurrency: 8 });
      sentAt = Date.now();
      await waitUntilDrained(sqs, queues.eventsQueueUrl, DRAIN_TIMEOUT_MS);
      drainedAt = Date.now();
    } finally {
      clearInterval(watchBacklog);
      await fleet.stop();
    }

    // Assess
    const userIds = mix.expected.userIds();
    expect(await accountOutcomes(client, tableName, tenantId, userIds)).toEqual(mix.expected.outcomes());
    expect(await reconcileTenant(client, tableName, tenantId)).toEqual({ accounts: userIds.length, drifts: [] });
    expect(await receiveAllMessages(sqs, queues.deadLetterQueueUrl)).toEqual([]);
    const applied = logs.withMessage('Order completed').filter((entry) => entry['tenantId'] === tenantId);
    expect(applied).toHaveLength(EVENTS);
    const seconds = (ms: number) => (ms / 1_000).toFixed(1);
    console.log(
      `overload (seed ${seed}): ${EVENTS} order events sent in ${seconds(sentAt - startedAt)} s ` +
        `(${Math.round((EVENTS * 1_000) / (sentAt - startedAt))}/s); peak backlog ${peakBacklog} messages; ` +
        `drained in ${seconds(drainedAt - startedAt)} s by ${PROCESSOR_CONTAINERS} containers (batches of 10): ` +
        `${Math.round((EVENTS * 1_000) / (drainedAt - startedAt))} events/s; ${recorder.invocations} invocations ` +
        `(median ${percentile(recorder.durationsMs, 0.5)} ms, 95th percentile ${percentile(recorder.durationsMs, 0.95)} ms), ` +
        `${recorder.deliveries.length} deliveries, ${recorder.failedRecords} records retried, 0 lost, 0 doubled`,
    );
  }, 240_000);
});

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}
