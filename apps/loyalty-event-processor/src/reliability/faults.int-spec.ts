import * as dynamoDbSdk from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createDocumentClient, DynamoDbPointsLedger, DynamoDbProgramSettingsReader, RedeemPoints } from '@loyalty/domain';
import {
  accountOutcomes,
  createScenarioQueues,
  DynamoDbFaultInjector,
  InvocationRecorder,
  type DynamoDbFaultOptions,
  orderEventMix,
  ProcessLogCapture,
  receiveAllMessages,
  reconcileTenant,
  scenarioSeed,
  SeededRandom,
  sendBodies,
  waitUntilDrained,
  type EventsQueues,
} from '@loyalty/local-stack';
import type { SQSEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { loadProcessorContainer, type ProcessorContainer } from '../testing/processor-container';
import { startProcessorFleet } from '../testing/processor-fleet';

const seed = scenarioSeed(2_024);
/** The fraction of TransactWriteItems, GetItem and Query calls that fail while the storm lasts. */
const FAULT_RATE = 0.2;
/**
 * The storm spares a batch that holds a record on its 4th receive (and a client's 4th attempt), so
 * every record gets through before the redrive limit of 5: this scenario is about recovering
 * exactly; what exhausts the limit is the poison scenario's.
 */
const LAST_FAULTY_ATTEMPT = 3;
const VISIBILITY_TIMEOUT_SECONDS = 2;
const DRAIN_TIMEOUT_MS = 120_000;
const PROCESSOR_CONTAINERS = 2;

/**
 * DynamoDB fails a seeded 20% of the processor's calls, in the middle of its batches: throttling,
 * internal errors, network errors, transaction conflicts, and writes that succeeded but whose
 * response was lost. Failed records go back to the queue through batchItemFailures and are retried
 * after the visibility timeout; a retried write finds its idempotency record and applies nothing
 * twice. Then redemptions meet the same faults through the API's use case, retried by their
 * client with the same Idempotency-Key; the first one always loses its write's response.
 */
describe('reliability: DynamoDB faults', () => {
  const tableName = process.env['TABLE_NAME'] as string;
  const client = createDocumentClient();
  const sqs = new SQSClient({});
  const logs = new ProcessLogCapture();
  const faults = new Map<ProcessorContainer, DynamoDbFaultInjector>();
  let queues: EventsQueues;

  beforeAll(async () => {
    logs.start();
    for (let i = 0; i < PROCESSOR_CONTAINERS; i++) {
      const container = await loadProcessorContainer();
      const injector = new DynamoDbFaultInjector({ seed: seed + i, rate: FAULT_RATE, sdk: container.dynamoDbSdk });
      injector.attachTo(container.documentClient);
      faults.set(container, injector);
    }
    queues = await createScenarioQueues(sqs, VISIBILITY_TIMEOUT_SECONDS);
  }, 60_000);

  afterAll(() => {
    logs.stop();
    sqs.destroy();
  });

  it(`retries what failed and applies every event and redemption exactly once (seed ${seed})`, async () => {
    // Prepare
    const random = new SeededRandom(seed);
    const tenantId = `t-${randomUUID()}`;
    const mix = orderEventMix(random, {
      tenantId,
      users: 8,
      orders: 80,
      partialRefunds: 10,
      fullRefunds: 6,
      cancellations: 6,
    });
    const redemptions: Redemption[] = Object.entries(mix.expected.outcomes())
      .filter(([, account]) => account.available >= 10)
      .slice(0, 5)
      .map(([userId], i) => ({
        userId,
        points: 5,
        key: `redeem-${i}`,
        faults:
          i === 0
            ? { seed, rate: 1, operations: ['TransactWriteItems'], kinds: ['response-lost'], sdk: dynamoDbSdk }
            : { seed: seed + i, rate: FAULT_RATE, sdk: dynamoDbSdk },
      }));
    redemptions.forEach(({ userId, points }) => mix.expected.redeem(userId, points));
    const recorder = new InvocationRecorder();
    const fleet = startProcessorFleet({
      sqs,
      queues,
      containers: [...faults.keys()],
      recorder,
      beforeInvoke: (container, event) => {
        (faults.get(container) as DynamoDbFaultInjector).enabled = withinStorm(event);
      },
    });

    // Act
    let redeemed: RedemptionReport[];
    try {
      await sendBodies(sqs, queues.eventsQueueUrl, mix.completions.map((event) => event.body));
      await waitUntilDrained(sqs, queues.eventsQueueUrl, DRAIN_TIMEOUT_MS);
      await sendBodies(sqs, queues.eventsQueueUrl, mix.changes.map((event) => event.body));
      await waitUntilDrained(sqs, queues.eventsQueueUrl, DRAIN_TIMEOUT_MS);
      redeemed = await Promise.all(redemptions.map((redemption) => redeemThroughFaults(tenantId, redemption)));
    } finally {
      await fleet.stop();
    }

    // Assess
    const userIds = mix.expected.userIds();
    expect(await accountOutcomes(client, tableName, tenantId, userIds)).toEqual(mix.expected.outcomes());
    expect(await reconcileTenant(client, tableName, tenantId)).toEqual({ accounts: userIds.length, drifts: [] });
    expect(await receiveAllMessages(sqs, queues.deadLetterQueueUrl)).toEqual([]);
    expect(recorder.failedRecords).toBeGreaterThan(0);
    // Each write whose response was lost was retried and recognised as done.
    const injectors = [...faults.values()];
    const lostOrderWrites = injectors.flatMap((injector) =>
      injector.injected.filter((fault) => fault.operation === 'TransactWriteItems' && fault.fault === 'response-lost'),
    );
    const repeatedOrders = new Set(
      logs.entries.filter((entry) => entry['tenantId'] === tenantId && entry['duplicate'] === true).map((entry) => entry['orderId']),
    );
    expect(lostOrderWrites.length).toBeGreaterThan(0);
    for (const lost of lostOrderWrites) expect(repeatedOrders).toContain(orderIdOf(lost.keys));
    // A redemption whose write was lost is answered, on the client's retry, with the first result.
    expect(redeemed[0]).toMatchObject({ lostResponses: 1, repeated: true });
    expect(redeemed.map((report) => report.repeated)).toEqual(redeemed.map((report) => report.lostResponses > 0));

    const count = (fault?: Parameters<DynamoDbFaultInjector['count']>[0]) =>
      injectors.reduce((sum, injector) => sum + injector.count(fault), 0);
    console.log(
      `faults (seed ${seed}): ${mix.completions.length + mix.changes.length} events; ${count()} of the processor's ` +
        `${injectors.reduce((sum, injector) => sum + injector.exposedCalls, 0)} exposed DynamoDB calls failed ` +
        `(${lostOrderWrites.length} writes whose response was lost, ` +
        `${count({ fault: 'transaction-conflict' })} transaction conflicts, ${count({ fault: 'throughput-exceeded' })} throttles, ` +
        `${count({ fault: 'internal-error' })} internal errors, ${count({ fault: 'network-error' })} network errors, ` +
        `${count({ fault: 'response-lost' }) - lostOrderWrites.length} lost read responses); ` +
        `${recorder.failedRecords} records reported in batchItemFailures and retried, ${recorder.deliveries.length} deliveries; ` +
        `${redemptions.length} redemptions took ${redeemed.reduce((sum, report) => sum + report.attempts, 0)} attempts ` +
        `(${redeemed.reduce((sum, report) => sum + report.lostResponses, 0)} lost responses)`,
    );
  }, 240_000);

  interface Redemption {
    userId: string;
    points: number;
    key: string;
    faults: DynamoDbFaultOptions;
  }

  interface RedemptionReport {
    attempts: number;
    lostResponses: number;
    /** The answer that reached the client was a repeat of a redemption done before. */
    repeated: boolean;
  }

  /** The API's redemption use case on a DynamoDB client of its own that fails; its client retries with the same key. */
  async function redeemThroughFaults(tenantId: string, { userId, points, key, faults }: Redemption): Promise<RedemptionReport> {
    const apiClient = createDocumentClient();
    const injector = new DynamoDbFaultInjector(faults);
    injector.attachTo(apiClient);
    const redeem = new RedeemPoints(new DynamoDbPointsLedger(apiClient, tableName), new DynamoDbProgramSettingsReader(apiClient, tableName));
    for (let attempt = 1; ; attempt++) {
      injector.enabled = attempt <= LAST_FAULTY_ATTEMPT;
      try {
        const outcome = await redeem.execute({ tenantId, userId, points, reason: 'Reward', actor: { sub: userId, role: 'customer' }, idempotencyKey: key });
        if (!outcome.ok) throw new Error(`Redemption ${key} refused: ${outcome.error.message}`);
        const lostResponses = injector.count({ fault: 'response-lost', operation: 'TransactWriteItems' });
        return { attempts: attempt, lostResponses, repeated: outcome.value.duplicate };
      } catch (error) {
        if (attempt > LAST_FAULTY_ATTEMPT) throw error;
      }
    }
  }
});

/** Faults hit a batch only while all its records are within their first receives. */
function withinStorm(event: SQSEvent): boolean {
  return event.Records.every((record) => Number(record.attributes.ApproximateReceiveCount) <= LAST_FAULTY_ATTEMPT);
}

/** The order a posting transaction is about, from its first item: the idempotency record `…#IDEMPOTENCY#order#<id>#…`. */
function orderIdOf(transactionKeys: unknown): string | undefined {
  const [idempotency] = transactionKeys as Array<{ PK?: string }>;
  return /#IDEMPOTENCY#order#([^#]+)#/.exec(idempotency?.PK ?? '')?.[1];
}
