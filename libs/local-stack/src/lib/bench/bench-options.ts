import { parseArgs } from 'node:util';

export const SCENARIOS = [
  'ingest',
  'read',
  'http',
  'cold-start',
  'hot-account',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export const DEFAULT_RESULTS_FILE = 'bench/results/latest.json';

export interface BenchOptions {
  /** Small figures, for a smoke run (the test command runs it): well under a minute. */
  quick: boolean;
  /** The scenarios to run, in the order of SCENARIOS. */
  scenarios: ScenarioName[];
  /** Measure the stack `npm start` already runs (default ports) instead of starting one. */
  useRunning: boolean;
  /** Where the JSON results go, relative to the workspace root unless absolute. */
  out: string;
  /** Build both Lambda bundles before measuring them. */
  build: boolean;
}

export const BENCH_USAGE = [
  'npm run bench [-- options]',
  '  --quick              small figures, under a minute (the test command runs this)',
  `  --only <scenario>    one of ${SCENARIOS.join(', ')}; repeat or separate with commas`,
  '  --use-running        measure the stack `npm start` runs on the default ports',
  `  --out <file>         results file (default ${DEFAULT_RESULTS_FILE})`,
  '  --build              build both Lambda bundles first',
  '  --help               this text',
].join('\n');

/** Reads the command line; undefined means --help was asked for. Throws on anything unknown. */
export function parseBenchOptions(args: string[]): BenchOptions | undefined {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      'use-running': { type: 'boolean', default: false },
      out: { type: 'string', default: DEFAULT_RESULTS_FILE },
      build: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    return undefined;
  }
  return {
    quick: values.quick,
    scenarios: selectScenarios(values.only),
    useRunning: values['use-running'],
    out: values.out,
    build: values.build,
  };
}

function selectScenarios(only: string[] | undefined): ScenarioName[] {
  if (only === undefined) {
    return [...SCENARIOS];
  }
  const asked = only.flatMap((value) =>
    value
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
  );
  const unknown = asked.filter(
    (name) => !SCENARIOS.includes(name as ScenarioName),
  );
  if (unknown.length > 0 || asked.length === 0) {
    throw new Error(
      `--only takes ${SCENARIOS.join(', ')}; got "${unknown.join(', ') || only.join(',')}"`,
    );
  }
  return SCENARIOS.filter((name) => asked.includes(name));
}
