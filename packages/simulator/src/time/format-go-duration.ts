/**
 * Formats milliseconds the way Go prints a `time.Duration`, as OpenAI's
 * `x-ratelimit-reset-*` headers do: `12ms`, `1s`, `6m0s`, `1h2m3.5s`; `0s` for nothing left.
 */
export function formatGoDuration(ms: number): string {
  if (!(ms > 0)) return '0s';
  if (ms < 1000) return `${trimDecimals(ms)}ms`;
  const wholeMs = Math.round(ms);
  const hours = Math.floor(wholeMs / 3_600_000);
  const minutes = Math.floor((wholeMs % 3_600_000) / 60_000);
  const seconds = (wholeMs % 60_000) / 1000;
  const secondsText = `${trimDecimals(seconds)}s`;
  if (hours > 0) return `${hours}h${minutes}m${secondsText}`;
  if (minutes > 0) return `${minutes}m${secondsText}`;
  return secondsText;
}

function trimDecimals(value: number): string {
  return String(Number(value.toFixed(3)));
}
