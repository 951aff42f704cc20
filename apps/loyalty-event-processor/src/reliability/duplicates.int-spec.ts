import { SQSClient } from '@aws-sdk/client-sqs';
import { createDocumentClient, DynamoDbPointsLedger, DynamoDbProgramSettingsReader, RedeemPoints } from '@loyalty/domain';
import {
  accountOutcomes,
  createScenarioQueues,
  InvocationRecorder,
  orderEventMix,
  receiveAllMessages,
  reconcileTenant,
  scenarioSeed,
  SeededRandom,
  sendBodies,
  ProcessLogCapture,
  waitUntilDrained,
  type EventsQueues,
  type ScenarioEvent,
} from '@loyalty/local-stack';
import { randomUUID } from 'node:crypto';
import { loadProcessorContainer, type ProcessorContainer } from '../testing/processor-container';
import { startProcessorFleet } from '../testing/processor-fleet';

const seed = scenarioSeed(1_121);
const VISIBILITY_TIMEOUT_SECONDS = 2;
const DRAIN_TIMEOUT_MS = 90_000;
const COPIES = 3;
/** The effect a processed event logs; a repeat logs the same message with "(already applied)". */
const EFFECTS = ['Order completed', 'Order refunded', 'Order cancelled'];

/**
 * Every event is delivered three times: the copies side by side (one batch), scattered (two
 * containers take them at the same time), or two now and one after everything was processed.
 * Orders come first; then redemptions, each requested three times at once with one
 * Idempotency-Key as a retrying client does; then refunds and cancellations, which take back
 * points already spent (the default policy lets the balance go below zero). A refund that comes
 * before its order is retried until the order is there, within the queue's redrive limit: see
 * the poison scenario.
 */
describe('reliability: duplicate deliveries', () => {
  const tableName = process.env['TABLE_NAME'] as string;
  const client = createDocumentClient();
  const sqs = new SQSClient({});
  const logs = new ProcessLogCapture();
  let containers: ProcessorContainer[];
  let queues: EventsQueues;

  beforeAll(async () => {
    logs.start();
    containers = [await loadProcessorContainer(), await loadProcessorContainer()];
    queues = await createScenarioQueues(sqs, VISIBILITY_TIMEOUT_SECONDS);
  }, 60_000);

  afterAll(() => {
    logs.stop();
    sqs.destroy();
  });

  it(`applies each event and redemption once however often it comes (seed ${seed})`, async () => {
    // Prepare
    const random = new SeededRandom(seed);
    const tenantId = `t-${randomUUID()}`;
    const mix = orderEventMix(random, {
      tenantId,
      users: 6,
      orders: 48,
      partialRefunds: 8,
      fullRefunds: 5,
      cancellations: 5,
    });
    const events = [...mix.completions, ...mix.changes];
    const completions = deliveryPlan(random, mix.completions);
    const changes = deliveryPlan(random, mix.changes);
    // Three customers spend most of what they earned before their refunds come, which may take them below zero.
    const redemptions = mix.expected
      .userIds()
      .slice(0, 3)
      .map((userId, i) => ({ userId, points: Math.floor(mix.expected.earnedBy(userId) * 0.8), key: `redeem-${i}` }));
    redemptions.forEach(({ userId, points }) => mix.expected.redeem(userId, points));
    const recorder = new InvocationRecorder();
    const fleet = startProcessorFleet({ sqs, queues, containers, recorder });

    // Act
    let redemptionOutcomes: boolean[];
    try {
      await sendBodies(sqs, queues.eventsQueueUrl, completions.now, { concurrency: 2 });
      await waitUntilDrained(sqs, queues.eventsQueueUrl, DRAIN_TIMEOUT_MS);
      redemptionOutcomes = await redeemEachThreeTimesAtOnce(tenantId, redemptions);
      await sendBodies(sqs, queues.eventsQueueUrl, changes.now, { concurrency: 2 });
      await waitUntilDrained(sqs, queues.eventsQueueUrl, DRAIN_TIMEOUT_MS);
      await sendBodies(sqs, queues.eventsQueueUrl, [...completions.later, ...changes.later]);
      await waitUntilDrained(sqs, queues.eventsQueueUrl, DRAIN_TIMEOUT_MS);
    } finally {
      await fleet.stop();
    }

    // Assess
    const userIds = mix.expected.userIds();
    expect(await accountOutcomes(client, tableName, tenantId, userIds)).toEqual(mix.expected.outcomes());
    expect(await reconcileTenant(client, tableName, tenantId)).toEqual({ accounts: userIds.length, drifts: [] });
    expect(await receiveAllMessages(sqs, queues.deadLetterQueueUrl)).toEqual([]);
    const applied = logs.entries.filter((entry) => entry['tenantId'] === tenantId && EFFECTS.includes(entry.message));
    expect(applied.map((entry) => entry['eventId']).sort()).toEqual(events.map((event) => event.eventId).sort());
    expect(redemptionOutcomes.filter((duplicate) => !duplicate)).toHaveLength(redemptions.length);
    expect(recorder.deliveries.length).toBeGreaterThanOrEqual(events.length * COPIES);
    console.log(
      `duplicates (seed ${seed}): ${events.length} events × ${COPIES} copies, ${recorder.deliveries.length} deliveries ` +
        `by ${containers.length} containers, ${applied.length} effects, ${recorder.failedRecords} records retried; ` +
        `${redemptions.length} redemptions × ${COPIES} concurrent requests, ${redemptions.length} effects; ` +
        `${Object.values(mix.expected.outcomes()).filter((account) => account.available < 0).length} balances below zero`,
    );
  }, 180_000);

  /** Three API containers (ledgers of their own) receive the same redemption at once; true marks a repeat. */
  async function redeemEachThreeTimesAtOnce(
    tenantId: string,
    redemptions: readonly { userId: string; points: number; key: string }[],
  ): Promise<boolean[]> {
    const requests = redemptions.flatMap(({ userId, points, key }) =>
      Array.from({ length: COPIES }, async () => {
        const redeem = new RedeemPoints(new DynamoDbPointsLedger(client, tableName), new DynamoDbProgramSettingsReader(client, tableName));
        const outcome = await redeem.execute({
          tenantId,
          userId,
          points,
          reason: 'Reward',
          actor: { sub: userId, role: 'customer' },
          idempotencyKey: key,
        });
        if (!outcome.ok) throw outcome.error;
        return outcome.value.duplicate;
      }),
    );
    return Promise.all(requests);
  }
});

/**
 * The message bodies to send now and after everything else was processed: each event three
 * times, its copies side by side, scattered, or one of them held back.
 */
function deliveryPlan(random: SeededRandom, events: readonly ScenarioEvent[]) {
  const units: string[][] = [];
  const later: string[] = [];
  for (const { body } of events) {
    switch (random.integer(0, 2)) {
      case 0:
        units.push([body, body, body]);
        break;
      case 1:
        units.push([body], [body], [body]);
        break;
      default:
        units.push([body], [body]);
        later.push(body);
    }
  }
  return { now: random.shuffle(units).flat(), later: random.shuffle(later) };
}
