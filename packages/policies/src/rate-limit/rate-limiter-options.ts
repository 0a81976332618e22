import type { StateStore } from '../store/state-store';
import type { Clock } from '../time/clock';
import { optionKeys } from '../validation/option-keys';
import type { RateLimiterSnapshot } from './rate-limiter-snapshot';
import type { RateLimitWindowObservation, WindowKind } from './token-bucket';

/** A rate limiter whose state a {@link StateStore} keeps. */
export type RateLimiterStore = StateStore<RateLimiterSnapshot>;

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /**
   * Requests allowed per window (bucket capacity). Defaults to `Infinity`
   * (`defaultRateLimiterOptions.requestsPerWindow`): no limit until the server reports one.
   */
  requestsPerWindow?: number;
  /**
   * Tokens allowed per window (bucket capacity). Defaults to `Infinity`
   * (`defaultRateLimiterOptions.tokensPerWindow`): no limit until the server reports one.
   */
  tokensPerWindow?: number;
  /**
   * The window both limits refer to, in milliseconds. Defaults to 60000
   * (`defaultRateLimiterOptions.windowMs`): per minute, as providers count.
   */
  windowMs?: number;
  /**
   * Longest wait a caller accepts; longer expected waits are refused at once. Defaults to
   * `Infinity` (`defaultRateLimiterOptions.maxWaitMs`).
   */
  maxWaitMs?: number;
  /**
   * How the server refills its windows between two rate-limit reports. `'continuous'`: it drips
   * back at the limit's rate, as OpenAI and Anthropic describe their limits. `'fixed'`: nothing
   * comes back until the window ends and everything at it, as gateways counting per window do;
   * the limiter then also keeps the earliest reset that reports of one window give. `'auto'`:
   * continuous until reports show a fixed window (the emptier one resets sooner; it is then
   * `'fixed'`, with a configured `windowMs` too) or a 429 ({@link RateLimiter.reportRateLimited})
   * shows that a drip let a request out too early; from then on nothing is given back between a
   * report and its reset, which is right for both kinds. Defaults to `'auto'`
   * (`defaultRateLimiterOptions.windowKind`).
   */
  windowKind?: 'auto' | WindowKind;
  /** Keeps the state beyond this process; saved on `pause` and `observe`. Defaults to none. */
  store?: RateLimiterStore;
  /** Key of this limiter in `store`. Defaults to `'rate-limiter'` (`defaultRateLimiterOptions.key`). */
  key?: string;
  /** Source of time. Defaults to the system clock. */
  clock?: Clock;
}

/** The values {@link RateLimiter} applies to the {@link RateLimiterOptions} left out. */
export const defaultRateLimiterOptions = {
  requestsPerWindow: Infinity,
  tokensPerWindow: Infinity,
  windowMs: 60_000,
  maxWaitMs: Infinity,
  windowKind: 'auto',
  key: 'rate-limiter',
} as const satisfies RateLimiterOptions;

/** Every option of {@link RateLimiterOptions}: any other key is refused. */
export const rateLimiterOptionKeys = optionKeys<RateLimiterOptions>({
  requestsPerWindow: true,
  tokensPerWindow: true,
  windowMs: true,
  maxWaitMs: true,
  windowKind: true,
  store: true,
  key: true,
  clock: true,
});

/** Options of {@link RateLimiter.acquire}. */
export interface AcquireOptions {
  /**
   * Tokens to reserve: input plus the most output the call may produce. Defaults to 0
   * (`defaultAcquireOptions.tokens`).
   */
  tokens?: number;
  /** Abandons the wait with `AbortedError` and leaves the queue at once. Defaults to none. */
  signal?: AbortSignal;
  /** Longest wait this call accepts. Defaults to the limiter's `maxWaitMs`. */
  maxWaitMs?: number;
}

/** The values {@link RateLimiter.acquire} and {@link RateLimiter.execute} apply to the tokens left out. */
export const defaultAcquireOptions = { tokens: 0 } as const satisfies AcquireOptions;

/**
 * Rate-limit state read from a response, e.g. by `@resilient-llm/core`'s header parser; other
 * fields of such a snapshot are ignored.
 */
export interface RateLimitObservation {
  /** The requests window. */
  readonly requests?: RateLimitWindowObservation;
  /** The tokens window. */
  readonly tokens?: RateLimitWindowObservation;
}

/** What a 429 told, for {@link RateLimiter.reportRateLimited}. */
export interface RateLimitedReport {
  /** How long the server asked to wait (`Retry-After` and friends). Defaults to none (no pause). */
  retryAfterMs?: number;
  /** The rate-limit headers of the 429. Defaults to none. */
  observation?: RateLimitObservation;
}

/**
 * Per-call options of {@link RateLimiter.execute}.
 *
 * @typeParam T What the function run resolves with, which `tokensUsed` reads.
 */
export interface RateLimiterExecuteOptions<T> {
  /** Tokens to reserve. Defaults to 0 (`defaultAcquireOptions.tokens`). */
  tokens?: number;
  /**
   * Tokens the result actually used; the reservation stands when it returns `undefined` or
   * `fn` fails. Defaults to none (the reservation stands).
   */
  tokensUsed?: (result: T) => number | undefined;
}
