/** Units a figure can be in; they decide how it is printed. */
export type FigureUnit =
  | 'events/s'
  | 'req/s'
  | 'ops/s'
  | 'ms'
  | 'bytes'
  | 'count';

/** One line of the closing table: a project figure against its same-run raw baseline. */
export interface TableRow {
  scenario: string;
  figure: string;
  unit: FigureUnit;
  project: number;
  raw?: number;
  /** project / raw. */
  ratio?: number;
  /** The goal in words, e.g. "ratio ≥ 0.8". */
  target?: string;
  met?: boolean;
}

const HEADER = [
  'scenario',
  'figure',
  'project',
  'raw',
  'ratio',
  'target',
  'met?',
];
/** Columns holding numbers are right-aligned. */
const NUMERIC_COLUMNS = new Set([2, 3, 4]);

export function formatFigure(value: number, unit: FigureUnit): string {
  switch (unit) {
    case 'ms':
      return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
    case 'bytes':
      return formatBytes(value);
    case 'count':
      return String(value);
    default:
      return `${Math.round(value)} ${unit}`;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toFixed(1)} KiB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
}

export function formatRatio(value: number | undefined): string {
  return value === undefined ? '' : `${value.toFixed(2)}×`;
}

function metCell(met: boolean | undefined): string {
  if (met === undefined) {
    return '';
  }
  return met ? 'yes' : 'NO';
}

/** The rows as a plain-text table with aligned columns. */
export function formatTable(rows: readonly TableRow[]): string {
  const cells = [
    HEADER,
    ...rows.map((row) => [
      row.scenario,
      row.figure,
      formatFigure(row.project, row.unit),
      row.raw === undefined ? '' : formatFigure(row.raw, row.unit),
      formatRatio(row.ratio),
      row.target ?? '',
      metCell(row.met),
    ]),
  ];
  const widths = HEADER.map((_, column) =>
    Math.max(...cells.map((line) => line[column].length)),
  );
  const render = (line: string[]) =>
    line
      .map((cell, column) =>
        NUMERIC_COLUMNS.has(column)
          ? cell.padStart(widths[column])
          : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(cells[0]), rule, ...cells.slice(1).map(render)].join('\n');
}
