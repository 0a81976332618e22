/**
 * A number as the scripts read it: `inf`, `-inf`, `nan`, `-0`, or JavaScript's shortest text
 * that gives back the same double.
 */
export function numberToText(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return Object.is(value, -0) ? '-0' : String(value);
}

/** A number the scripts wrote (`%.17g`, or `inf`, `-inf`, `nan`); anything else is NaN. */
export function textToNumber(text: string): number {
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  return Number(text);
}
