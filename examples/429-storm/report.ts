import type { Tally } from './load.ts';

const bar = (done: number, total: number, width = 10) => {
  const filled = Math.round((done / total) * width);
  return `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
};

/** One progress line per client. */
export function progressLine(elapsedMs: number, tallies: Tally[]): string {
  const parts = tallies.map(
    (tally) =>
      `${tally.name} [${bar(tally.succeeded + tally.failed, tally.offered)}] ${tally.succeeded} ok ${tally.failed} failed`,
  );
  return `${(elapsedMs / 1000).toFixed(0).padStart(3)} s  ${parts.join('  ')}`;
}

function percentile(values: number[], rank: number): string {
  if (values.length === 0) return '–';
  const sorted = [...values].sort((a, b) => a - b);
  const milliseconds = sorted[Math.ceil((rank / 100) * sorted.length) - 1]!;
  return milliseconds < 1000
    ? `${Math.round(milliseconds)} ms`
    : `${(milliseconds / 1000).toFixed(1)} s`;
}

/** A row of the final comparison, with what the simulators counted. */
export interface ComparisonRow {
  tally: Tally;
  rateLimited: number;
  requestsSent: number;
}

/** The comparison table printed at the end. */
export function comparisonTable(rows: ComparisonRow[]): string {
  const header = [
    'client',
    'succeeded',
    'failed',
    'by fallback',
    '429s received',
    'requests sent',
    'p50',
    'p99',
  ];
  const lines = rows.map(({ tally, rateLimited, requestsSent }) => [
    tally.name,
    `${tally.succeeded}/${tally.offered}`,
    String(tally.failed),
    String(tally.servedByFallback),
    String(rateLimited),
    String(requestsSent),
    percentile(tally.latenciesMs, 50),
    percentile(tally.latenciesMs, 99),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ');
  return [
    format(header),
    format(widths.map((width) => '-'.repeat(width))),
    ...lines.map(format),
  ].join('\n');
}
