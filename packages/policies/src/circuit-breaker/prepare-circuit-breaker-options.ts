import { AbortedError } from '../errors/aborted-error';
import { InvalidOptionError } from '../errors/invalid-option-error';
import { type StateStore, stateStoreMethods } from '../store/state-store';
import { type Clock, systemClock } from '../time/clock';
import {
  assertClock,
  assertFunction,
  assertMethods,
  assertNumber,
  assertObject,
  assertOptions,
  assertString,
} from '../validation/validate';
import {
  type CircuitBreakerOptions,
  circuitBreakerOptionKeys,
  consecutiveStrategyKeys,
  defaultCircuitBreakerOptions,
  defaultConsecutiveStrategy,
  defaultSamplingStrategy,
  samplingStrategyKeys,
} from './circuit-breaker-options';
import type { CircuitBreakerSnapshot } from './circuit-breaker-snapshot';
import { ConsecutiveFailureCounter } from './consecutive-failure-counter';
import type { FailureCounter } from './failure-counter';
import { SamplingFailureCounter } from './sampling-failure-counter';
import type { SharedBreakerOptions } from './shared-breaker-options';

/** {@link CircuitBreakerOptions} with defaults applied and values checked. */
export interface CircuitBreakerSettings {
  readonly createCounter: () => FailureCounter;
  readonly halfOpenAfterMs: number;
  readonly halfOpenMultiplier: number;
  readonly maxHalfOpenAfterMs: number;
  readonly halfOpenProbes: number;
  readonly shouldCount: (error: unknown) => boolean;
  readonly store: StateStore<CircuitBreakerSnapshot> | undefined;
  readonly key: string;
  readonly clock: Clock;
  /** Checked by the breaker's `FleetBreaker` when it is built. */
  readonly shared: SharedBreakerOptions | undefined;
}

/**
 * Applies defaults and validates; throws `InvalidOptionError` naming the bad field, or an
 * unknown key with the option it most likely means.
 */
export function prepareCircuitBreakerOptions(
  options: CircuitBreakerOptions,
): CircuitBreakerSettings {
  assertOptions('', options, circuitBreakerOptionKeys);
  return checkedSettings(options);
}

function checkedSettings({
  strategy = defaultCircuitBreakerOptions.strategy,
  halfOpenAfterMs = defaultCircuitBreakerOptions.halfOpenAfterMs,
  halfOpenMultiplier = defaultCircuitBreakerOptions.halfOpenMultiplier,
  maxHalfOpenAfterMs = defaultCircuitBreakerOptions.maxHalfOpenAfterMs,
  halfOpenProbes = defaultCircuitBreakerOptions.halfOpenProbes,
  shouldCount = isNotAborted,
  store,
  key = defaultCircuitBreakerOptions.key,
  clock = systemClock,
  shared,
}: CircuitBreakerOptions): CircuitBreakerSettings {
  assertNumber('halfOpenAfterMs', halfOpenAfterMs);
  assertNumber('halfOpenMultiplier', halfOpenMultiplier, { min: 1 });
  assertNumber('maxHalfOpenAfterMs', maxHalfOpenAfterMs, {
    min: halfOpenAfterMs,
    allowInfinity: true,
  });
  assertNumber('halfOpenProbes', halfOpenProbes, { min: 1, integer: true });
  assertFunction('shouldCount', shouldCount);
  assertMethods('store', store, stateStoreMethods);
  assertString('key', key);
  assertClock('clock', clock);
  return {
    createCounter: counterFactory(strategy, clock),
    halfOpenAfterMs,
    halfOpenMultiplier,
    maxHalfOpenAfterMs,
    halfOpenProbes,
    shouldCount,
    store,
    key,
    clock,
    shared,
  };
}

function counterFactory(
  strategy: CircuitBreakerOptions['strategy'],
  clock: Clock,
): () => FailureCounter {
  assertObject('strategy', strategy);
  if (strategy?.kind === 'consecutive') {
    assertOptions('strategy', strategy, consecutiveStrategyKeys);
    const { threshold = defaultConsecutiveStrategy.threshold } = strategy;
    assertNumber('strategy.threshold', threshold, { min: 1, integer: true });
    return () => new ConsecutiveFailureCounter(threshold);
  }
  if (strategy?.kind === 'sampling') {
    assertOptions('strategy', strategy, samplingStrategyKeys);
    const {
      threshold = defaultSamplingStrategy.threshold,
      windowMs = defaultSamplingStrategy.windowMs,
      minimumThroughput = defaultSamplingStrategy.minimumThroughput,
    } = strategy;
    assertNumber('strategy.threshold', threshold, { min: Number.EPSILON, max: 1 });
    assertNumber('strategy.windowMs', windowMs, { min: 1 });
    assertNumber('strategy.minimumThroughput', minimumThroughput, { min: 1, integer: true });
    return () => new SamplingFailureCounter(threshold, windowMs, minimumThroughput, clock);
  }
  throw new InvalidOptionError({
    field: 'strategy.kind',
    value: (strategy as unknown as { kind?: unknown })?.kind,
    reason: 'must be "consecutive" or "sampling"',
  });
}

function isNotAborted(error: unknown): boolean {
  return !AbortedError.isInstance(error);
}
