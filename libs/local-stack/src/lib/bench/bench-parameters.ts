/** How much each scenario measures. Quick figures keep `npm run bench -- --quick` under a minute. */
export interface BenchParameters {
  ingest: {
    /** order.completed events per measured round, each for its own customer. */
    events: number;
    warmupEvents: number;
    /** Records per SQS batch (the event source mapping's batchSize). */
    batchSize: number;
    /** Batches handled at once, as by that many concurrent Lambda invocations. */
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
          concurrency: 4,
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
