import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { BenchContext, ScenarioResult } from '../bench-context';
import {
  apiGatewayEvent,
  BENCH_ORDER_AMOUNT,
  orderRecord,
} from '../bench-events';
import type { TableRow } from '../results-table';
import { median, ratio } from '../statistics';

/** The goal: a new API process answers its first request within this. */
export const API_COLD_START_TARGET_MS = 300;
/** What serverless.yml gives every function (NODE_OPTIONS), so the bundles start as deployed. */
const DEPLOYED_NODE_OPTIONS = '--enable-source-maps';
const RUNNER = join(__dirname, '..', 'cold-start', 'cold-start-runner.cjs');
const MARK = '__COLD_START_RESULT__';
const RUN_TIMEOUT_MS = 30_000;

interface ColdStart {
  /** Spawn to the response, by this process's clock: what a new process costs, node's boot included. */
  wallMs: number;
  /** The child's own clock (since its process started): bundle loaded, first response. */
  loadedMs: number;
  firstResponseMs: number;
  response: { statusCode?: number; batchItemFailures?: unknown[] };
}

type Target = 'api' | 'bare-api' | 'processor' | 'bare-processor';

/**
 * A new node process per run requires a bundle and invokes its handler once (the API with
 * GET /health, the processor with one order), as Lambda does on a cold start; against a bare
 * Lambda bundled the same way (one file: the AWS SDK's DynamoDB clients and the raw order handler)
 * answering the same events: the health check at once, the order with the same reads and
 * transaction as the raw ingest baseline. The four interleaved, run after run (after the warm-up
 * runs, if any). Also the bundles' sizes, plain and gzipped.
 */
export async function runColdStartScenario(
  context: BenchContext,
): Promise<ScenarioResult> {
  const { runs, warmupRuns } = context.parameters.coldStart;
  const bare = join(context.workDir, 'bare-lambda.js');
  await build({
    entryPoints: [join(__dirname, '..', 'cold-start', 'bare-lambda.ts')],
    outfile: bare,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    logLevel: 'error',
  });
  const bundleOf: Record<Target, string> = {
    api: context.bundles.api,
    'bare-api': bare,
    processor: context.bundles.processor,
    'bare-processor': bare,
  };
  const eventOf = (target: Target, run: number) =>
    target.endsWith('api')
      ? apiGatewayEvent({ method: 'GET', path: '/health' })
      : {
          Records: [
            orderRecord({
              tenantId: `bench-${context.runId}-cold-${target}-${run}`,
              userId: 'user_cold',
              orderId: 'order_cold',
              amount: BENCH_ORDER_AMOUNT,
              currency: 'USD',
            }),
          ],
        };
  const environment = {
    ...process.env,
    ...context.stack.environment,
    NODE_OPTIONS: DEPLOYED_NODE_OPTIONS,
  };
  const targets = Object.keys(bundleOf) as Target[];
  const samples: Record<Target, ColdStart[]> = {
    api: [],
    'bare-api': [],
    processor: [],
    'bare-processor': [],
  };
  const failures: string[] = [];
  for (let run = 1 - warmupRuns; run <= runs; run += 1) {
    for (const target of targets) {
      const sample = await coldStart(
        bundleOf[target],
        eventOf(target, run),
        environment,
      );
      const answered = target.endsWith('api')
        ? sample.response.statusCode === 200
        : sample.response.batchItemFailures?.length === 0;
      if (!answered)
        failures.push(
          `cold start: ${target} answered ${JSON.stringify(sample.response)}`,
        );
      if (run > 0) samples[target].push(sample); // the warm-up runs count from 0 down
    }
    if (run > 0) {
      context.progress(
        `cold start: run ${run}/${runs} ${targets.map((target) => `${target} ${samples[target][run - 1].wallMs.toFixed(0)} ms`).join(', ')}`,
      );
    }
  }

  const medians = Object.fromEntries(
    targets.map((target) => [
      target,
      {
        wallMs: median(samples[target].map((sample) => sample.wallMs)),
        loadedMs: median(samples[target].map((sample) => sample.loadedMs)),
        firstResponseMs: median(
          samples[target].map((sample) => sample.firstResponseMs),
        ),
      },
    ]),
  ) as Record<
    Target,
    { wallMs: number; loadedMs: number; firstResponseMs: number }
  >;
  const sizes = {
    api: bundleSize(context.bundles.api),
    processor: bundleSize(context.bundles.processor),
    bare: bundleSize(bare),
  };
  const apiWall = medians.api.wallMs;
  const rows: TableRow[] = [
    {
      scenario: 'cold start',
      figure: 'API, new process → GET /health',
      unit: 'ms',
      project: apiWall,
      raw: medians['bare-api'].wallMs,
      ratio: ratio(apiWall, medians['bare-api'].wallMs),
      target: `≤ ${API_COLD_START_TARGET_MS} ms`,
      met: apiWall <= API_COLD_START_TARGET_MS,
    },
    {
      scenario: 'cold start',
      figure: 'processor, new process → 1 order',
      unit: 'ms',
      project: medians.processor.wallMs,
      raw: medians['bare-processor'].wallMs,
      ratio: ratio(medians.processor.wallMs, medians['bare-processor'].wallMs),
    },
    ...(['api', 'processor'] as const).map((app) => ({
      scenario: 'bundle size',
      figure: `${app} main.js, gzipped`,
      unit: 'bytes' as const,
      project: sizes[app].gzipBytes,
      raw: sizes.bare.gzipBytes,
      ratio: ratio(sizes[app].gzipBytes, sizes.bare.gzipBytes),
    })),
  ];
  return {
    rows,
    details: {
      parameters: { runs, warmupRuns, nodeOptions: DEPLOYED_NODE_OPTIONS },
      medians,
      samples,
      bundleSizes: sizes,
    },
    failures,
  };
}

function bundleSize(file: string) {
  const map = `${file}.map`;
  let mapBytes: number | undefined;
  try {
    mapBytes = statSync(map).size;
  } catch {
    mapBytes = undefined; // the bare bundle has none
  }
  return {
    bytes: statSync(file).size,
    gzipBytes: gzipSync(readFileSync(file)).length,
    mapBytes,
  };
}

/** One new node process: spawned, bundle required, handler invoked once, timings read back. */
function coldStart(
  bundle: string,
  event: unknown,
  env: NodeJS.ProcessEnv,
): Promise<ColdStart> {
  return new Promise((resolve, reject) => {
    const spawned = performance.now();
    const child = spawn(
      process.execPath,
      [RUNNER, bundle, JSON.stringify(event)],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let errors = '';
    let wallMs: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (
        wallMs === undefined &&
        output.includes(MARK) &&
        output.indexOf('\n', output.indexOf(MARK)) > 0
      ) {
        wallMs = performance.now() - spawned;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const at = output.indexOf(MARK);
      if (code !== 0 || at < 0 || wallMs === undefined) {
        reject(
          new Error(
            `${bundle} did not answer (${signal ?? `exit ${code}`}): ${errors.slice(-2000)}`,
          ),
        );
        return;
      }
      const line = output.slice(at + MARK.length).split('\n')[0];
      const timings = JSON.parse(line) as Omit<ColdStart, 'wallMs'>;
      resolve({ ...timings, wallMs });
    });
  });
}
