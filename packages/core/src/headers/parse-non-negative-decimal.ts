// Digits with an optional fraction, optionally signed with `+`. No exponent, no hex, no sign
// `-`: `Number()` alone would accept `''`, `' '`, `'0x10'` and `'1e400'`, none of which a
// provider means.
const decimalPattern = /^\+?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Parses a non-negative decimal number such as `12`, `0.5` or `+3.`. Returns `undefined` for
 * anything else, including negatives such as `-1`, empty text and values too large to be
 * finite.
 */
export function parseNonNegativeDecimal(text: string | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (!decimalPattern.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}
