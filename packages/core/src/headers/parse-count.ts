import { parseNonNegativeDecimal } from './parse-non-negative-decimal';

/**
 * Parses a rate-limit count (`limit`, `remaining`). Negative values such as `-1`, garbage and
 * numbers beyond `Number.MAX_SAFE_INTEGER` give `undefined`. Never throws.
 */
export function parseCount(text: string | undefined): number | undefined {
  const count = parseNonNegativeDecimal(text);
  return count !== undefined && count <= Number.MAX_SAFE_INTEGER ? count : undefined;
}
