import {
  formatBytes,
  formatFigure,
  formatRatio,
  formatTable,
  type TableRow,
} from './results-table';

describe('formatFigure', () => {
  it.each([
    [0.4567, 'ms', '0.46 ms'],
    [12.345, 'ms', '12.3 ms'],
    [812.6, 'events/s', '813 events/s'],
    [99.4, 'req/s', '99 req/s'],
    [0, 'count', '0'],
    [2048, 'bytes', '2.0 KiB'],
  ] as const)('prints %p %s as %p', (value, unit, printed) => {
    // Prepare
    const figure = { value, unit };

    // Act
    const text = formatFigure(figure.value, figure.unit);

    // Assess
    expect(text).toBe(printed);
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [4_637_155, '4.42 MiB'],
  ])('prints %p bytes as %p', (bytes, printed) => {
    // Prepare
    const size = bytes;

    // Act
    const text = formatBytes(size);

    // Assess
    expect(text).toBe(printed);
  });
});

describe('formatRatio', () => {
  it('prints two decimals and a times sign, nothing without a ratio', () => {
    // Prepare
    const values = [0.8123, undefined];

    // Act
    const printed = values.map(formatRatio);

    // Assess
    expect(printed).toEqual(['0.81×', '']);
  });
});

describe('formatTable', () => {
  it('aligns the columns, numbers to the right, and says whether each goal is met', () => {
    // Prepare
    const rows: TableRow[] = [
      {
        scenario: 'ingest',
        figure: 'order.completed',
        unit: 'events/s',
        project: 800,
        raw: 1000,
        ratio: 0.8,
        target: 'ratio ≥ 0.8',
        met: true,
      },
      {
        scenario: 'read',
        figure: 'p50',
        unit: 'ms',
        project: 3.5,
        raw: 2,
        ratio: 1.75,
        target: '≤ raw + 1 ms',
        met: false,
      },
      { scenario: 'bundle size', figure: 'api', unit: 'bytes', project: 2048 },
    ];

    // Act
    const table = formatTable(rows);

    // Assess
    expect(table.split('\n')).toEqual([
      'scenario     figure                project            raw  ratio  target        met?',
      '-----------  ---------------  ------------  -------------  -----  ------------  ----',
      'ingest       order.completed  800 events/s  1000 events/s  0.80×  ratio ≥ 0.8   yes',
      'read         p50                   3.50 ms        2.00 ms  1.75×  ≤ raw + 1 ms  NO',
      'bundle size  api                   2.0 KiB',
    ]);
  });
});
