import { decorrelatedJitterGenerator } from 'cockatiel';

/**
 * How waits are randomised: `full` draws from [0, delay) (AWS "full jitter"); `decorrelated`
 * uses Polly's decorrelated jitter V2 (cockatiel's generator); `none` waits the exact
 * exponential delay.
 */
export type Jitter = 'full' | 'decorrelated' | 'none';

/** The settings of one exponential backoff. */
export interface BackoffSettings {
  readonly jitter: Jitter;
  readonly initialDelayMs: number;
  readonly multiplier: number;
  readonly maxDelayMs: number;
}

/** A sequence of waits: each call of `next()` returns the wait before the next retry. */
export interface Backoff {
  next(): number;
}

/**
 * Creates a backoff sequence. The first wait is based on `initialDelayMs`, each next on
 * `multiplier` times the previous, every wait capped at `maxDelayMs`.
 */
export function createBackoff(
  settings: BackoffSettings,
  random: () => number = Math.random,
): Backoff {
  const { jitter, initialDelayMs, multiplier, maxDelayMs } = settings;
  let retries = 0;
  if (jitter === 'decorrelated') {
    let state: [number, number] | undefined;
    const options = {
      generator: decorrelatedJitterGenerator,
      initialDelay: initialDelayMs,
      exponent: multiplier,
      maxDelay: maxDelayMs,
    };
    return {
      next() {
        const [delay, nextState] = decorrelatedJitterGenerator(state, options);
        state = nextState;
        return delay;
      },
    };
  }
  return {
    next() {
      // cockatiel's own full and no-jitter generators hard-code base 2; ours honour `multiplier`.
      const exact = Math.min(maxDelayMs, initialDelayMs * multiplier ** retries++);
      return jitter === 'full' ? Math.floor(random() * exact) : exact;
    },
  };
}
