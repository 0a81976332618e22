import { AbortedError } from '../errors/aborted-error';
import { BrokenCircuitError } from '../errors/broken-circuit-error';
import { localRefusalOf } from '../errors/local-refusal';
import { EventEmitter } from '../events/event';
import { neverAbortedSignal } from '../policy/never-aborted-signal';
import type { Policy, PolicyFunction } from '../policy/policy';
import { saveState } from '../store/save-state';
import type { BreakEvent, StateChangeEvent } from './circuit-breaker-events';
import type { CircuitBreakerOptions } from './circuit-breaker-options';
import type { CircuitBreakerSnapshot, CircuitState } from './circuit-breaker-snapshot';
import type { FailureCounter } from './failure-counter';
import {
  type CircuitBreakerSettings,
  prepareCircuitBreakerOptions,
} from './prepare-circuit-breaker-options';

/**
 * Stops calling a failing target for a while: after enough failures the circuit opens and
 * calls fail fast with `BrokenCircuitError` (carrying `retryAfterMs`); after `halfOpenAfterMs`
 * a few probe calls go through, and their success closes it again. Use one instance per target.
 * Aborted calls and local refusals (an inner bulkhead, rate limiter or breaker that refused to
 * send the call) say nothing about the target: they count neither as failures nor as successes.
 */
export class CircuitBreakerPolicy implements Policy {
  private readonly settings: CircuitBreakerSettings;
  private readonly counter: FailureCounter;
  private current: CircuitState = 'closed';
  private openedAt = 0;
  private openForMs: number;
  private reopenCount = 0;
  private probesInFlight = 0;
  private probeSuccesses = 0;
  // Outcomes of calls admitted before the last change of state must not drive the new state.
  private generation = 0;
  private lastFailure: unknown;
  private readonly breakEmitter = new EventEmitter<BreakEvent>();
  private readonly halfOpenEmitter = new EventEmitter<void>();
  private readonly resetEmitter = new EventEmitter<void>();
  private readonly stateChangeEmitter = new EventEmitter<StateChangeEvent>();
  private readonly storeErrorEmitter = new EventEmitter<unknown>();

  /** Fires when the circuit opens. */
  readonly onBreak = this.breakEmitter.event;
  /** Fires when the circuit starts letting probes through. */
  readonly onHalfOpen = this.halfOpenEmitter.event;
  /** Fires when the circuit closes again. */
  readonly onReset = this.resetEmitter.event;
  /** Fires on every change of state. */
  readonly onStateChange = this.stateChangeEmitter.event;
  /** Fires when the store fails to save; the breaker goes on from memory. */
  readonly onStoreError = this.storeErrorEmitter.event;

  constructor(options: CircuitBreakerOptions = {}) {
    this.settings = prepareCircuitBreakerOptions(options);
    this.counter = this.settings.createCounter();
    this.openForMs = this.settings.halfOpenAfterMs;
  }

  /** Runs `fn` unless the circuit is open; throws `BrokenCircuitError` without calling it otherwise. */
  async execute<T>(fn: PolicyFunction<T>, signal?: AbortSignal): Promise<T> {
    const probe = this.admit();
    const generation = this.generation;
    let result: T;
    try {
      result = await fn({ signal: signal ?? neverAbortedSignal() });
    } catch (error) {
      this.record(generation, probe, true, error, signal);
      throw error;
    }
    this.record(generation, probe, false, undefined, undefined);
    return result;
  }

  /** The state now; an open circuit whose wait is over reads as `half-open`. */
  get state(): CircuitState {
    return this.current === 'open' && this.openRemainingMs() <= 0 ? 'half-open' : this.current;
  }

  /** True when a call made now would run (not be refused); use it to skip a target cheaply. */
  canExecute(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open') return false;
    const probesTaken =
      this.current === 'half-open' ? this.probesInFlight + this.probeSuccesses : 0;
    return probesTaken < this.settings.halfOpenProbes;
  }

  /** True when a call made now would be refused with `BrokenCircuitError`. */
  isOpen(): boolean {
    return !this.canExecute();
  }

  /** Milliseconds until a call may run: 0 when one may run now or while waiting for probes. */
  retryAfterMs(): number {
    return this.current === 'open' ? Math.max(0, this.openRemainingMs()) : 0;
  }

  /** The state as a plain JSON-serialisable object. */
  snapshot(): CircuitBreakerSnapshot {
    return {
      state: this.current,
      openedAt: this.current === 'closed' ? null : this.openedAt,
      openForMs: this.openForMs,
      reopenCount: this.reopenCount,
      counter: this.counter.snapshot(),
    };
  }

  /** Replaces the state with a snapshot (probes in flight are forgotten). Emits no events. */
  restore(snapshot: CircuitBreakerSnapshot): void {
    this.generation++;
    this.current = snapshot.state;
    this.openedAt = snapshot.openedAt ?? 0;
    this.openForMs = snapshot.openForMs;
    this.reopenCount = snapshot.reopenCount;
    this.probesInFlight = 0;
    this.probeSuccesses = 0;
    this.counter.restore(snapshot.counter);
  }

  /** Loads the state from the store, if one is configured and holds state for this key. */
  async hydrate(): Promise<void> {
    const { store, key } = this.settings;
    const snapshot = store ? await store.load(key) : undefined;
    if (snapshot) this.restore(snapshot);
  }

  private admit(): boolean {
    if (this.current === 'closed') return false;
    if (this.current === 'open') {
      const remainingMs = this.openRemainingMs();
      if (remainingMs > 0)
        throw new BrokenCircuitError({ retryAfterMs: remainingMs, cause: this.lastFailure });
      this.moveTo('half-open');
      this.halfOpenEmitter.emit();
    }
    if (this.probesInFlight + this.probeSuccesses >= this.settings.halfOpenProbes) {
      throw new BrokenCircuitError({ retryAfterMs: 0, cause: this.lastFailure });
    }
    this.probesInFlight++;
    return true;
  }

  private record(
    generation: number,
    probe: boolean,
    failed: boolean,
    error: unknown,
    signal: AbortSignal | undefined,
  ): void {
    if (generation !== this.generation) return;
    if (failed && (AbortedError.isInstance(error) || signal?.aborted || localRefusalOf(error))) {
      if (probe) this.probesInFlight--;
      return;
    }
    const counted = failed && this.settings.shouldCount(error);
    if (counted) this.lastFailure = error;
    if (probe) {
      this.probesInFlight--;
      if (counted) this.open(error);
      else if (++this.probeSuccesses >= this.settings.halfOpenProbes) this.close();
      return;
    }
    if (!counted) this.counter.success();
    else if (this.counter.failure()) this.open(error);
  }

  private open(error: unknown): void {
    const { halfOpenAfterMs, halfOpenMultiplier, maxHalfOpenAfterMs, clock } = this.settings;
    const reopening = this.current === 'half-open';
    this.reopenCount = reopening ? this.reopenCount + 1 : 0;
    this.openForMs = Math.min(
      maxHalfOpenAfterMs,
      halfOpenAfterMs * halfOpenMultiplier ** this.reopenCount,
    );
    this.openedAt = clock.now();
    this.moveTo('open');
    this.breakEmitter.emit({ error, retryAfterMs: this.openForMs });
  }

  private close(): void {
    this.counter.reset();
    this.reopenCount = 0;
    this.moveTo('closed');
    this.resetEmitter.emit();
  }

  private moveTo(to: CircuitState): void {
    const from = this.current;
    this.current = to;
    this.generation++;
    this.probesInFlight = 0;
    this.probeSuccesses = 0;
    this.stateChangeEmitter.emit({ from, to });
    saveState(this.settings.store, this.settings.key, this.snapshot(), this.storeErrorEmitter);
  }

  private openRemainingMs(): number {
    return this.openedAt + this.openForMs - this.settings.clock.now();
  }
}
