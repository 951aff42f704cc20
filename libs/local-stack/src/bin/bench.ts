/**
 * `npm run bench [-- --quick] [--only <scenario>] [--use-running] [--out <file>] [--build]`:
 * measures the built Lambda bundles against same-run raw baselines on a local stack (started
 * here, or the running one), prints progress and a table, writes the figures as JSON
 * (bench/results/latest.json). Exits 1 when a scenario fails or an effect was lost or doubled;
 * never because of speed. See docs/benchmarks.md.
 */
import { BENCH_USAGE, parseBenchOptions } from '../lib/bench/bench-options';
import { runBench } from '../lib/bench/run-bench';
import { findWorkspaceRoot } from '../lib/config/workspace-root';
import { createShutdown } from '../lib/process/shutdown';

const shutdown = createShutdown();

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (!options) {
    console.log(BENCH_USAGE);
    return;
  }
  const report = await runBench(options, findWorkspaceRoot(), shutdown);
  await shutdown.exit(report.passed ? 0 : 1);
}

main().catch(async (error: Error) => {
  console.error(`\nThe bench could not run: ${error.message}`);
  await shutdown.exit(1);
});
