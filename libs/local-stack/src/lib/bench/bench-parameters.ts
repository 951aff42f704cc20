import type { ScenarioName } from './bench-options';
import type { ContainerTarget } from './container/container-protocol';

/** How much each scenario measures. Quick figures keep `npm run bench -- --quick` under a minute. */
export interface BenchParameters {
  ingest: {
    /** order.completed events per measured round, each for its own customer. */
    events: number;
    warmupEvents: number;
    /** Records per SQS batch (the event source mapping's batchSize). */
    batchSize: number;
    /** Processor instances (processes), each handling one batch at a time: Lambda's concurrency. */
    concurrency: number;
    rounds: number;
  };
  read: {
    /** Sequential GET /points/{userId} per round (one request in flight: latency, not load). */
    requests: number;
    warmupRequests: number;
    rounds: number;
  };
  http: {
    connections: number;
    durationSeconds: number;
    warmupSeconds: number;
    rounds: number;
  };
  coldStart: {
    /** New Node processes per handler. */
    runs: number;
    /** Unmeasured runs first, for the file system cache (the scenarios before have read the bundles already). */
    warmupRuns: number;
  };
  hotAccount: {
    /** Processor instances earning, and API instances redeeming, on the same customer. */
    processorContainers: number;
    apiContainers: number;
    /** order.completed events per processor instance. */
    ordersPerContainer: number;
    /** POST /points/{userId}/redeem per API instance. */
    redemptionsPerContainer: number;
    pointsPerRedemption: number;
    rounds: number;
  };
}

export function benchParameters(quick: boolean): BenchParameters {
  return quick
    ? {
        ingest: {
          events: 60,
          warmupEvents: 20,
          batchSize: 10,
          concurrency: 2,
          rounds: 1,
        },
        read: { requests: 200, warmupRequests: 50, rounds: 1 },
        http: {
          connections: 2,
          durationSeconds: 1,
          warmupSeconds: 2,
          rounds: 1,
        },
        coldStart: { runs: 3, warmupRuns: 0 },
        hotAccount: {
          processorContainers: 2,
          apiContainers: 2,
          ordersPerContainer: 10,
          redemptionsPerContainer: 10,
          pointsPerRedemption: 5,
          rounds: 1,
        },
      }
    : {
        ingest: {
          events: 400,
          warmupEvents: 100,
          batchSize: 10,
          concurrency: 4,
          rounds: 3,
        },
        read: { requests: 1000, warmupRequests: 200, rounds: 3 },
        http: {
          connections: 4,
          durationSeconds: 5,
          warmupSeconds: 6,
          rounds: 3,
        },
        coldStart: { runs: 7, warmupRuns: 1 },
        hotAccount: {
          processorContainers: 3,
          apiContainers: 3,
          ordersPerContainer: 30,
          redemptionsPerContainer: 30,
          pointsPerRedemption: 5,
          rounds: 2,
        },
      };
}

/** How many measured processes of each target the chosen scenarios use (they share them). */
export function containersFor(
  scenarios: readonly ScenarioName[],
  { ingest, hotAccount }: BenchParameters,
): Record<ContainerTarget, number> {
  const uses = (name: ScenarioName, count: number) =>
    scenarios.includes(name) ? count : 0;
  return {
    processor: Math.max(
      uses('ingest', ingest.concurrency),
      uses('hot-account', hotAccount.processorContainers),
    ),
    api: Math.max(
      uses('read', 1),
      uses('hot-account', hotAccount.apiContainers),
    ),
    raw: Math.max(
      uses('ingest', ingest.concurrency),
      uses('read', 1),
      uses('http', 1),
      uses(
        'hot-account',
        hotAccount.processorContainers + hotAccount.apiContainers,
      ),
    ),
  };
}
