import type { RateLimiterSnapshot, RefillMode, TokenBucketSnapshot } from '@resilient-llm/policies';
import { textToNumber } from './number-text';

/**
 * The first word of every stored rate-limit state: a value with another one (an older
 * layout) reads as no state, and the limit starts again from its limits.
 */
export const rateLimitLayoutVersion = '2';

/** Refill modes as the stored state numbers them. */
export const refillModeCodes: Readonly<Record<RefillMode, number>> = {
  continuous: 0,
  'at-reset': 1,
  'fixed-window': 2,
};

const refillModes = Object.keys(refillModeCodes) as RefillMode[];

/** Words per bucket in the stored state, in the order the script writes them. */
const bucketWords = 11;

/**
 * The snapshot a stored state describes: the layout version, the pause, when the last permit
 * granted ahead is due (0: none), then the requests and the tokens bucket (capacity, windowMs, ratePerMs, level, updatedAt, refill mode code,
 * reset, slow rate, taken since the last report, reset reported as 0 or 1, last reset), all
 * numbers separated by spaces. Undefined for a value of another layout.
 */
export function parseRateLimitState(text: string): RateLimiterSnapshot | undefined {
  const words = text.split(' ');
  if (words[0] !== rateLimitLayoutVersion || words.length !== 3 + 2 * bucketWords) return undefined;
  const numbers = words.slice(1).map(textToNumber);
  const grantedAheadUntil = numbers[1]!;
  return {
    pausedUntil: numbers[0]!,
    ...(grantedAheadUntil > 0 ? { grantedAheadUntil } : {}),
    requests: bucketSnapshot(numbers.slice(2, 2 + bucketWords)),
    tokens: bucketSnapshot(numbers.slice(2 + bucketWords)),
  };
}

function bucketSnapshot(numbers: readonly number[]): TokenBucketSnapshot {
  const [capacity, windowMs, ratePerMs, level, updatedAt, mode, resetAt, slowRatePerMs] = numbers;
  const [takenSinceObservation, resetReported, lastResetAt] = numbers.slice(8);
  // As `toBucketSnapshot` of the policies writes a bucket: Infinity as null.
  return {
    capacity: finiteOrNull(capacity!),
    windowMs: windowMs!,
    ratePerMs: finiteOrNull(ratePerMs!),
    level: finiteOrNull(level!),
    updatedAt: updatedAt!,
    refillMode: refillModes[mode!] ?? 'continuous',
    slowRatePerMs: slowRatePerMs!,
    slowUntil: resetAt!,
    takenSinceObservation: takenSinceObservation!,
    resetReported: resetReported === 1,
    lastResetAt: lastResetAt!,
  };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
