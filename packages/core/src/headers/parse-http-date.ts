const monthIndex: Readonly<Record<string, number>> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const dayName = '(?:[a-z]{3,9},?\\s+)?';
const clock = '(\\d{1,2}):(\\d{2}):(\\d{2})';
const zone = '(?:\\s+(?:gmt|utc|z|[+-]0000))?';
// IMF-fixdate, the preferred form: `Sun, 06 Nov 1994 08:49:37 GMT`.
const imfFixdate = new RegExp(
  `^${dayName}(\\d{1,2})\\s+([a-z]{3})\\s+(\\d{4})\\s+${clock}${zone}$`,
);
// Obsolete RFC 850 form: `Sunday, 06-Nov-94 08:49:37 GMT`.
const rfc850 = new RegExp(`^${dayName}(\\d{1,2})-([a-z]{3})-(\\d{2}|\\d{4})\\s+${clock}${zone}$`);
// Obsolete asctime form: `Sun Nov  6 08:49:37 1994`.
const asctime = new RegExp(`^${dayName}([a-z]{3})\\s+(\\d{1,2})\\s+${clock}\\s+(\\d{4})${zone}$`);

/**
 * Parses an HTTP date (RFC 9110 section 5.6.7: IMF-fixdate, and the obsolete RFC 850 and
 * asctime forms every recipient must still accept) into milliseconds since the epoch.
 *
 * Written out instead of `Date.parse`, whose accepted formats differ between runtimes and
 * which reads plain numbers such as `"1"` as dates. Returns `undefined` for anything else,
 * including impossible dates such as 31 February. Never throws.
 */
export function parseHttpDate(
  text: string | undefined,
  { now = Date.now() }: { now?: number } = {},
): number | undefined {
  if (typeof text !== 'string') return undefined;
  const value = text.trim().toLowerCase();
  let match = imfFixdate.exec(value);
  if (match) return toEpochMs(match[3], match[2], match[1], match[4], match[5], match[6]);
  match = rfc850.exec(value);
  if (match) {
    return toEpochMs(fullYear(match[3], now), match[2], match[1], match[4], match[5], match[6]);
  }
  match = asctime.exec(value);
  if (match) return toEpochMs(match[6], match[1], match[2], match[3], match[4], match[5]);
  return undefined;
}

// RFC 9110: a two-digit year more than 50 years in the future means the previous century.
function fullYear(year: string | undefined, now: number): string | undefined {
  if (year === undefined || year.length !== 2) return year;
  const currentYear = Number.isFinite(now) ? new Date(now).getUTCFullYear() : 2000;
  let candidate = Math.floor(currentYear / 100) * 100 + Number(year);
  if (candidate > currentYear + 50) candidate -= 100;
  return String(candidate);
}

function toEpochMs(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
): number | undefined {
  const month = monthIndex[monthText ?? ''];
  const [year, day, hour, minute, second] = [
    yearText,
    dayText,
    hourText,
    minuteText,
    secondText,
  ].map(Number) as [number, number, number, number, number];
  // `Date.UTC` maps years below 100 onto the 1900s; no server means those.
  if (month === undefined || year < 1000) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  // `Date.UTC` rolls 31 February over into March; a real date reads back unchanged.
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day) return undefined;
  // A leap second (`:60`) reads as the first second of the next minute: `Date` cannot hold it.
  const epochMs = Date.UTC(year, month, day, hour, minute, second);
  return Number.isFinite(epochMs) ? epochMs : undefined;
}
