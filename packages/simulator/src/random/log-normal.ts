import type { RandomSource } from './mulberry32';

/** z-score of the 99th percentile of the standard normal distribution. */
const Z_99 = 2.326347874;

/**
 * Draws from a log-normal distribution given its median and 99th percentile, so the typical
 * value and the tail are set separately. Consumes exactly two numbers from `random`.
 * A p99 at or below the median yields the median.
 */
export function drawLogNormal(random: RandomSource, medianMs: number, p99Ms: number): number {
  const first = random();
  const second = random();
  if (medianMs <= 0) return 0;
  if (p99Ms <= medianMs) return medianMs;
  const sigma = Math.log(p99Ms / medianMs) / Z_99;
  // Box-Muller; 1 - first keeps the logarithm's argument above zero.
  const standardNormal = Math.sqrt(-2 * Math.log(1 - first)) * Math.cos(2 * Math.PI * second);
  return medianMs * Math.exp(sigma * standardNormal);
}
