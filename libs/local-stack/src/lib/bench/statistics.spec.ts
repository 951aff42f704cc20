import {
  median,
  medianOfRounds,
  percentile,
  ratio,
  summarizeLatencies,
} from './statistics';

describe('percentile', () => {
  it('takes the nearest rank: the smallest sample with p % at or below it', () => {
    // Prepare
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];

    // Act
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    const p99 = percentile(samples, 99);

    // Assess
    expect([p50, p95, p99]).toEqual([5, 10, 10]);
  });

  it('is the only sample of a single-sample run, whatever p', () => {
    // Prepare
    const samples = [7.5];

    // Act
    const values = [1, 50, 100].map((p) => percentile(samples, p));

    // Assess
    expect(values).toEqual([7.5, 7.5, 7.5]);
  });

  it('reports only latencies that were observed', () => {
    // Prepare
    const samples = Array.from({ length: 1000 }, (_, index) => index + 0.5);

    // Act
    const p99 = percentile(samples, 99);

    // Assess
    expect(p99).toBe(989.5);
    expect(samples).toContain(p99);
  });

  it('does not reorder the caller’s samples', () => {
    // Prepare
    const samples = [3, 1, 2];

    // Act
    percentile(samples, 50);

    // Assess
    expect(samples).toEqual([3, 1, 2]);
  });

  it.each([0, -1, 101, Number.NaN])('refuses p = %p', (p) => {
    // Prepare
    const samples = [1, 2, 3];

    // Act
    const compute = () => percentile(samples, p);

    // Assess
    expect(compute).toThrow('percentile must be in (0, 100]');
  });

  it('refuses an empty run', () => {
    // Prepare
    const samples: number[] = [];

    // Act
    const compute = () => percentile(samples, 50);

    // Assess
    expect(compute).toThrow('percentile of no samples');
  });
});

describe('median', () => {
  it('is the middle value of an odd count', () => {
    // Prepare
    const values = [30, 10, 20];

    // Act
    const middle = median(values);

    // Assess
    expect(middle).toBe(20);
  });

  it('is the mean of the two middle values of an even count', () => {
    // Prepare
    const values = [4, 1, 3, 2];

    // Act
    const middle = median(values);

    // Assess
    expect(middle).toBe(2.5);
  });
});

describe('summarizeLatencies', () => {
  it('gives the count, percentiles, extremes and mean', () => {
    // Prepare
    const samples = Array.from({ length: 100 }, (_, index) => index + 1);

    // Act
    const summary = summarizeLatencies(samples);

    // Assess
    expect(summary).toEqual({
      count: 100,
      p50: 50,
      p95: 95,
      p99: 99,
      min: 1,
      max: 100,
      mean: 50.5,
    });
  });
});

describe('ratio', () => {
  it('divides the project figure by the raw one', () => {
    // Prepare
    const project = 80;
    const raw = 100;

    // Act
    const value = ratio(project, raw);

    // Assess
    expect(value).toBe(0.8);
  });

  it.each([0, Number.POSITIVE_INFINITY, Number.NaN])(
    'has no value when the raw figure is %p',
    (raw) => {
      // Prepare
      const project = 10;

      // Act
      const value = ratio(project, raw);

      // Assess
      expect(value).toBeUndefined();
    },
  );
});

describe('medianOfRounds', () => {
  it('takes the median of each field across rounds', () => {
    // Prepare
    const rounds = [
      { p50: 1, p99: 30 },
      { p50: 3, p99: 10 },
      { p50: 2, p99: 20 },
    ];

    // Act
    const medians = medianOfRounds(rounds, ['p50', 'p99']);

    // Assess
    expect(medians).toEqual({ p50: 2, p99: 20 });
  });
});
