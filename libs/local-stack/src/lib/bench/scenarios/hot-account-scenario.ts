import {
  DynamoDbLedgerHistoryReader,
  DynamoDbPointsAccountReader,
  dynamoDbReconciler,
} from '@loyalty/domain';
import { performance } from 'node:perf_hooks';
import { signToken } from '../../auth/sign-token';
import type { BenchContext, ScenarioResult } from '../bench-context';
import {
  apiGatewayEvent,
  BENCH_ORDER_AMOUNT,
  orderRecord,
  toBatches,
} from '../bench-events';
import type { OperationCounts } from '../container/operation-counter';
import { checkEffects, type EffectsCheck } from '../effects-check';
import { runInterleaved, type RoundInfo } from '../interleaved-rounds';
import type { RawPosting } from '../raw/raw-posting';
import { median, ratio } from '../statistics';

const USER_ID = 'user_hot';
/** One invocation at a time per instance, as Lambda runs them. */
const IN_FLIGHT_PER_INSTANCE = 1;
/** Points an order of BENCH_ORDER_AMOUNT earns under the default rule (the raw side's figure). */
const POINTS_PER_ORDER = 15;
const WARMUP_ORDERS = 10;
const WARMUP_REDEMPTIONS = 2;

interface HotRound {
  attempted: number;
  elapsedMs: number;
  operationsPerSecond: number;
  redemptionsAccepted: number;
  redemptionsRefused: number;
  /** Transactions refused because another writer changed the account first, then retried. */
  lostRaces: number;
  /** Project only: what the account holds against what was accepted. */
  verification?: {
    check: EffectsCheck;
    balance: number | undefined;
    expectedBalance: number;
    drift: unknown;
  };
}

/**
 * One customer, many writers: processor instances (separate processes, the built bundle) earning
 * on order.completed events while API instances redeem through POST /points/{userId}/redeem (the
 * built bundle's handler, API Gateway events, the customer's own token), all at once. Against
 * the raw postings (raw-posting.ts) of the same earnings and redemptions by as many raw
 * processes, one writer each (an instance queues its own postings to one account), so that both
 * sides share the machine's cores among as many processes. Every project
 * round is then checked: each order earned once, each accepted redemption spent once, nothing
 * else, the balance as expected and zero drift (ReconcileAccounts); any miss fails the run.
 */
export async function runHotAccountScenario(
  context: BenchContext,
): Promise<ScenarioResult> {
  const parameters = context.parameters.hotAccount;
  const { processorContainers, apiContainers, pointsPerRedemption, rounds } =
    parameters;
  context.progress(
    `hot account: starting ${processorContainers} processor and ${apiContainers} API instances`,
  );
  const [processors, apis, raws] = await Promise.all([
    context.containers.instances('processor', processorContainers),
    context.containers.instances('api', apiContainers),
    context.containers.instances('raw', processorContainers + apiContainers),
  ]);
  const plan = (side: string, { round, warmup }: RoundInfo) => {
    const tenantId = `bench-${context.runId}-hot-${side}-${round}`;
    const orders = warmup ? WARMUP_ORDERS : parameters.ordersPerContainer;
    const redemptions = warmup
      ? WARMUP_REDEMPTIONS
      : parameters.redemptionsPerContainer;
    return {
      tenantId,
      orderIds: processors.map((_, instance) =>
        Array.from(
          { length: orders },
          (_, index) => `order_${instance}_${index}`,
        ),
      ),
      redemptionKeys: apis.map((_, instance) =>
        Array.from(
          { length: redemptions },
          (_, index) => `bench-${round}-${instance}-${index}`,
        ),
      ),
    };
  };

  const failures: string[] = [];
  const project = async (info: RoundInfo): Promise<HotRound> => {
    const { tenantId, orderIds, redemptionKeys } = plan('project', info);
    const token = await signToken(
      { sub: USER_ID, tenantId, role: 'customer' },
      context.stack.environment.JWT_SECRET,
      { expiresIn: '2h' },
    );
    const batches = orderIds.map((ids) =>
      toBatches(
        ids.map((orderId) =>
          orderRecord({
            tenantId,
            userId: USER_ID,
            orderId,
            amount: BENCH_ORDER_AMOUNT,
            currency: 'USD',
          }),
        ),
        context.parameters.ingest.batchSize,
      ),
    );
    const events = redemptionKeys.map((keys) =>
      keys.map((key) =>
        apiGatewayEvent({
          method: 'POST',
          path: `/points/${USER_ID}/redeem`,
          token,
          body: { points: pointsPerRedemption, reason: 'bench redemption' },
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    const started = performance.now();
    const [earned, redeemed] = await Promise.all([
      Promise.all(
        processors.map((processor, index) =>
          processor.send({
            command: 'sqs',
            batches: batches[index],
            concurrency: IN_FLIGHT_PER_INSTANCE,
          }),
        ),
      ),
      Promise.all(
        apis.map((api, index) =>
          api.send({
            command: 'api',
            events: events[index],
            concurrency: IN_FLIGHT_PER_INSTANCE,
          }),
        ),
      ),
    ]);
    const elapsedMs = performance.now() - started;
    const failedRecords = earned.reduce(
      (sum, result) => sum + result.failedRecords,
      0,
    );
    const acceptedKeys = redemptionKeys.flatMap((keys, instance) =>
      keys.filter((_, index) => redeemed[instance].statusCodes[index] === 201),
    );
    const statuses = redeemed.flatMap((result) => result.statusCodes);
    const unexpectedStatuses = statuses.filter(
      (status) => status !== 201 && status !== 409,
    );
    const attempted = orderIds.flat().length + statuses.length;
    const check = checkEffects(await history(context, tenantId), {
      orderIds: orderIds.flat(),
      redemptionKeys: acceptedKeys,
    });
    const account = await new DynamoDbPointsAccountReader(
      context.table.client,
      context.table.tableName,
    ).getAccount(tenantId, USER_ID, { consistent: true });
    const drift = await dynamoDbReconciler(
      context.table.client,
      context.table.tableName,
    ).reconcileOne(tenantId, USER_ID);
    if (failedRecords > 0 || unexpectedStatuses.length > 0) {
      check.lost.push(
        `${failedRecords} order records failed, ${unexpectedStatuses.length} redemptions answered ${[...new Set(unexpectedStatuses)].join(', ')}`,
      );
    }
    const round: HotRound = {
      attempted,
      elapsedMs,
      operationsPerSecond: attempted / (elapsedMs / 1000),
      redemptionsAccepted: acceptedKeys.length,
      redemptionsRefused:
        statuses.length - acceptedKeys.length - unexpectedStatuses.length,
      lostRaces: refusedTransactions(
        [...earned, ...redeemed].map((result) => result.operations),
      ),
      verification: {
        check,
        balance: account?.available,
        expectedBalance:
          check.earnedPoints - pointsPerRedemption * acceptedKeys.length,
        drift: drift ?? null,
      },
    };
    failures.push(
      ...verificationFailures(
        round,
        info.warmup ? 'warm-up' : `round ${info.round}`,
      ),
    );
    return round;
  };

  const bare = async (info: RoundInfo): Promise<HotRound> => {
    const { tenantId, orderIds, redemptionKeys } = plan('raw', info);
    const writers: RawPosting[][] = [
      ...orderIds.map((ids) =>
        ids.map((orderId) => ({
          tenantId,
          userId: USER_ID,
          idempotencyKey: `order#${orderId}#completed`,
          points: POINTS_PER_ORDER,
          order: {
            orderId,
            amountMinor: 15_000,
            currency: 'USD',
            items: [
              {
                sku: 'SKU-DEMO-1',
                category: 'general',
                priceMinor: 15_000,
                quantity: 1,
              },
            ],
            channel: 'online',
          },
        })),
      ),
      ...redemptionKeys.map((keys) =>
        keys.map((key) => ({
          tenantId,
          userId: USER_ID,
          idempotencyKey: `redeem#${USER_ID}#${key}`,
          points: -pointsPerRedemption,
        })),
      ),
    ];
    const started = performance.now();
    const written = await Promise.all(
      writers.map((postings, index) =>
        raws[index].send({ command: 'postings', writers: [postings] }),
      ),
    );
    const elapsedMs = performance.now() - started;
    const outcomes = written
      .slice(orderIds.length)
      .flatMap((result) => result.outcomes.flat());
    const accepted = outcomes.filter((outcome) => outcome === 'applied').length;
    return {
      attempted: writers.flat().length,
      elapsedMs,
      operationsPerSecond: writers.flat().length / (elapsedMs / 1000),
      redemptionsAccepted: accepted,
      redemptionsRefused: outcomes.length - accepted,
      lostRaces: refusedTransactions(
        written.map((result) => result.operations),
      ),
    };
  };

  const results = await runInterleaved({
    rounds,
    project,
    raw: bare,
    onRound: (side, { round }, result) =>
      context.progress(
        `hot account: round ${round}/${rounds} ${side.padEnd(7)} ${Math.round(result.operationsPerSecond)} ops/s (${result.attempted} earns and redemptions, ${result.redemptionsAccepted} redeemed, ${result.redemptionsRefused} refused for want of points, ${result.lostRaces} lost races retried)` +
          (result.verification
            ? `; ${describeVerification(result.verification)}`
            : ''),
      ),
  });

  const projectRate = median(
    results.project.map((result) => result.operationsPerSecond),
  );
  const rawRate = median(
    results.raw.map((result) => result.operationsPerSecond),
  );
  const problems = results.project.reduce(
    (sum, result) =>
      sum +
      (result.verification
        ? result.verification.check.lost.length +
          result.verification.check.doubled.length +
          result.verification.check.unexpected.length
        : 0),
    0,
  );
  return {
    rows: [
      {
        scenario: 'hot account',
        figure: `${processorContainers} processors + ${apiContainers} APIs on 1 customer`,
        unit: 'ops/s',
        project: projectRate,
        raw: rawRate,
        ratio: ratio(projectRate, rawRate),
      },
      {
        scenario: 'hot account',
        figure: 'lost or doubled effects, drift',
        unit: 'count',
        project:
          problems +
          results.project.filter((result) => result.verification?.drift).length,
        target: '0',
        met: failures.length === 0,
      },
    ],
    details: {
      parameters: {
        ...parameters,
        inFlightPerInstance: IN_FLIGHT_PER_INSTANCE,
      },
      operationsPerSecond: {
        project: projectRate,
        raw: rawRate,
        ratio: ratio(projectRate, rawRate),
      },
      lostRaces: {
        project: median(results.project.map((result) => result.lostRaces)),
        raw: median(results.raw.map((result) => result.lostRaces)),
      },
      rounds: results,
    },
    failures,
  };
}

function history(context: BenchContext, tenantId: string) {
  return new DynamoDbLedgerHistoryReader(
    context.table.client,
    context.table.tableName,
  ).allEntries(tenantId, USER_ID);
}

function refusedTransactions(operations: OperationCounts[]): number {
  return operations.reduce(
    (sum, counts) =>
      sum + (counts['DynamoDB.TransactWriteItems']?.refused ?? 0),
    0,
  );
}

function describeVerification({
  check,
  balance,
  expectedBalance,
  drift,
}: NonNullable<HotRound['verification']>): string {
  const problems =
    check.lost.length + check.doubled.length + check.unexpected.length;
  return `balance ${balance} (expected ${expectedBalance}), ${problems} lost/doubled/unexpected, ${drift ? 'DRIFT' : 'no drift'}`;
}

function verificationFailures(result: HotRound, round: string): string[] {
  const verification = result.verification;
  if (!verification) return [];
  const { check, balance, expectedBalance, drift } = verification;
  return [
    ...check.lost.map((what) => `hot account ${round}: lost ${what}`),
    ...check.doubled.map((what) => `hot account ${round}: doubled ${what}`),
    ...check.unexpected.map(
      (what) => `hot account ${round}: unexpected ${what}`,
    ),
    ...(balance === expectedBalance
      ? []
      : [
          `hot account ${round}: balance ${balance}, expected ${expectedBalance}`,
        ]),
    ...(drift
      ? [`hot account ${round}: reconcile found drift ${JSON.stringify(drift)}`]
      : []),
  ];
}
