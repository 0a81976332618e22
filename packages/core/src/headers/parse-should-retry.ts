/**
 * Parses `x-should-retry`: `true` or `false` in any case. Anything else gives `undefined`
 * (no advice). Never throws.
 */
export function parseShouldRetry(text: string | undefined): boolean | undefined {
  if (typeof text !== 'string') return undefined;
  const value = text.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}
