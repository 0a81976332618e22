// RFC 3339 `date-time`, as Anthropic sends in `anthropic-ratelimit-*-reset`:
// `2024-06-01T12:00:30Z`, `2024-06-01T12:00:30.250+02:00`. RFC 3339 allows `t`, `z` and a
// space for `T` in practice; all are accepted.
const rfc3339Pattern =
  /^(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses an RFC 3339 timestamp into milliseconds since the epoch. A time zone (`Z` or an
 * offset) is required: without one the instant would depend on the reader's zone.
 *
 * Written out instead of `Date.parse` because that accepts many other, runtime-specific
 * formats. Returns `undefined` for anything else, including impossible dates. Never throws.
 */
export function parseTimestamp(text: string | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = rfc3339Pattern.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fraction, zone] = match;
  const [year, month, day, hour, minute, second] = [
    yearText,
    monthText,
    dayText,
    hourText,
    minuteText,
    secondText,
  ].map(Number) as [number, number, number, number, number, number];
  if (year < 1000 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  const offsetMs = parseOffsetMs(zone);
  if (offsetMs === undefined) return undefined;
  // Only milliseconds survive: `Date` cannot hold more, and nothing here needs more.
  const fractionMs = fraction === undefined ? 0 : Number(`0.${fraction}`) * 1000;
  return Date.UTC(year, month - 1, day, hour, minute, second) + fractionMs - offsetMs;
}

function parseOffsetMs(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return undefined;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (hours * 60 + minutes) * 60_000;
}
