import {
  DEFAULT_RESULTS_FILE,
  parseBenchOptions,
  SCENARIOS,
} from './bench-options';

describe('parseBenchOptions', () => {
  it('runs every scenario, full size, on a stack of its own by default', () => {
    // Prepare
    const args: string[] = [];

    // Act
    const options = parseBenchOptions(args);

    // Assess
    expect(options).toEqual({
      quick: false,
      scenarios: [...SCENARIOS],
      useRunning: false,
      out: DEFAULT_RESULTS_FILE,
      build: false,
    });
  });

  it('reads --quick, --use-running, --out and --build', () => {
    // Prepare
    const args = [
      '--quick',
      '--use-running',
      '--out',
      'bench/results/mine.json',
      '--build',
    ];

    // Act
    const options = parseBenchOptions(args);

    // Assess
    expect(options).toMatchObject({
      quick: true,
      useRunning: true,
      out: 'bench/results/mine.json',
      build: true,
    });
  });

  it('takes --only repeated or comma-separated, and keeps the scenarios in their usual order', () => {
    // Prepare
    const args = ['--only', 'hot-account, ingest', '--only', 'read'];

    // Act
    const options = parseBenchOptions(args);

    // Assess
    expect(options?.scenarios).toEqual(['ingest', 'read', 'hot-account']);
  });

  it('names the known scenarios when --only gets an unknown one', () => {
    // Prepare
    const args = ['--only', 'ingest,latency'];

    // Act
    const parse = () => parseBenchOptions(args);

    // Assess
    expect(parse).toThrow(
      `--only takes ${SCENARIOS.join(', ')}; got "latency"`,
    );
  });

  it('refuses an empty --only', () => {
    // Prepare
    const args = ['--only', ' , '];

    // Act
    const parse = () => parseBenchOptions(args);

    // Assess
    expect(parse).toThrow('--only takes');
  });

  it('refuses an option it does not know', () => {
    // Prepare
    const args = ['--fast'];

    // Act
    const parse = () => parseBenchOptions(args);

    // Assess
    expect(parse).toThrow("Unknown option '--fast'");
  });

  it('returns nothing for --help, so the usage is printed instead', () => {
    // Prepare
    const args = ['--quick', '--help'];

    // Act
    const options = parseBenchOptions(args);

    // Assess
    expect(options).toBeUndefined();
  });
});
