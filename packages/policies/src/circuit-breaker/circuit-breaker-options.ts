import type { StateStore } from '../store/state-store';
import type { Clock } from '../time/clock';
import { optionKeys } from '../validation/option-keys';
import type { CircuitBreakerSnapshot } from './circuit-breaker-snapshot';
import type { SharedBreakerOptions } from './shared-breaker-options';

/** Opens after `threshold` failures in a row. */
export interface ConsecutiveStrategy {
  readonly kind: 'consecutive';
  /** Failures in a row that open the circuit. Defaults to 5 (`defaultConsecutiveStrategy.threshold`). */
  readonly threshold?: number;
}

/** The values applied to the {@link ConsecutiveStrategy} fields left out. */
export const defaultConsecutiveStrategy = {
  kind: 'consecutive',
  threshold: 5,
} as const satisfies ConsecutiveStrategy;

/** Every option of {@link ConsecutiveStrategy}: any other key is refused. */
export const consecutiveStrategyKeys = optionKeys<ConsecutiveStrategy>({
  kind: true,
  threshold: true,
});

/** Opens when the failure ratio over a sliding window reaches `threshold`. */
export interface SamplingStrategy {
  readonly kind: 'sampling';
  /**
   * Share of failed calls (0 < threshold <= 1) that opens the circuit. Defaults to 0.5
   * (`defaultSamplingStrategy.threshold`).
   */
  readonly threshold?: number;
  /** Length of the sliding window, in milliseconds. Defaults to 30000 (`defaultSamplingStrategy.windowMs`). */
  readonly windowMs?: number;
  /**
   * Calls needed in the window before the ratio counts. Defaults to 10
   * (`defaultSamplingStrategy.minimumThroughput`).
   */
  readonly minimumThroughput?: number;
}

/** The values applied to the {@link SamplingStrategy} fields left out. */
export const defaultSamplingStrategy = {
  kind: 'sampling',
  threshold: 0.5,
  windowMs: 30_000,
  minimumThroughput: 10,
} as const satisfies SamplingStrategy;

/** Every option of {@link SamplingStrategy}: any other key is refused. */
export const samplingStrategyKeys = optionKeys<SamplingStrategy>({
  kind: true,
  threshold: true,
  windowMs: true,
  minimumThroughput: true,
});

/** A breaker whose state a {@link StateStore} keeps. */
export type BreakerStore = StateStore<CircuitBreakerSnapshot>;

/** Options of {@link CircuitBreakerPolicy}. */
export interface CircuitBreakerOptions {
  /**
   * When the circuit opens. Defaults to `{ kind: 'consecutive', threshold: 5 }`
   * (`defaultCircuitBreakerOptions.strategy`).
   */
  strategy?: ConsecutiveStrategy | SamplingStrategy;
  /**
   * Time the circuit stays open before letting probes through, in milliseconds. Defaults to
   * 30000 (`defaultCircuitBreakerOptions.halfOpenAfterMs`).
   */
  halfOpenAfterMs?: number;
  /**
   * Each reopening in a row multiplies the open time by this. Defaults to 1
   * (`defaultCircuitBreakerOptions.halfOpenMultiplier`): constant.
   */
  halfOpenMultiplier?: number;
  /**
   * Cap on the grown open time, in milliseconds. Defaults to 300000
   * (`defaultCircuitBreakerOptions.maxHalfOpenAfterMs`).
   */
  maxHalfOpenAfterMs?: number;
  /**
   * Probe calls let through while half-open; that many successes close the circuit. Defaults
   * to 1 (`defaultCircuitBreakerOptions.halfOpenProbes`).
   */
  halfOpenProbes?: number;
  /**
   * Which errors count as failures of the target; others count as successes (the target
   * answered). Defaults to every error except `AbortedError`.
   */
  shouldCount?: (error: unknown) => boolean;
  /** Keeps the state beyond this process; saved on each state change. Defaults to none. */
  store?: BreakerStore;
  /** Key of this breaker in `store`. Defaults to `'circuit-breaker'` (`defaultCircuitBreakerOptions.key`). */
  key?: string;
  /** Source of time. Defaults to the system clock. */
  clock?: Clock;
  /**
   * Shares the breaker with every process that uses the same shared state and key: opened in
   * one, open in all; one probe across the fleet. Defaults to none (this process alone).
   */
  shared?: SharedBreakerOptions;
}

/** The values {@link CircuitBreakerPolicy} applies to the {@link CircuitBreakerOptions} left out. */
export const defaultCircuitBreakerOptions = {
  strategy: defaultConsecutiveStrategy,
  halfOpenAfterMs: 30_000,
  halfOpenMultiplier: 1,
  maxHalfOpenAfterMs: 300_000,
  halfOpenProbes: 1,
  key: 'circuit-breaker',
} as const satisfies CircuitBreakerOptions;

/** Every option of {@link CircuitBreakerOptions}: any other key is refused. */
export const circuitBreakerOptionKeys = optionKeys<CircuitBreakerOptions>({
  strategy: true,
  halfOpenAfterMs: true,
  halfOpenMultiplier: true,
  maxHalfOpenAfterMs: true,
  halfOpenProbes: true,
  shouldCount: true,
  store: true,
  key: true,
  clock: true,
  shared: true,
});
