/** A markdown table from a header row and body rows. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Milliseconds without decimals, or an en dash when unknown. */
export const milliseconds = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '–' : `${Math.round(value)} ms`;

/** A share as a percentage with one decimal. */
export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** A ratio with two decimals. */
export const ratio = (value: number) => value.toFixed(2);

/** Failures by error class, most frequent first (`RateLimitError 12, APIConnectionError 1`), or `none`. */
export function failureKinds(errors: Record<string, number>): string {
  const kinds = Object.entries(errors).sort(([, a], [, b]) => b - a);
  return kinds.length === 0 ? 'none' : kinds.map(([name, count]) => `${name} ${count}`).join(', ');
}
