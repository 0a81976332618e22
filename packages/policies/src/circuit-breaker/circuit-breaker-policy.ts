import { AbortedError } from '../errors/aborted-error';
import { BrokenCircuitError } from '../errors/broken-circuit-error';
import { localRefusalOf } from '../errors/local-refusal';
import { type Event, EventEmitter } from '../events/event';
import { neverAbortedSignal } from '../policy/never-aborted-signal';
import type { Policy, PolicyFunction } from '../policy/policy';
import type { SharedStateFault } from '../shared/shared-state';
import type { SharedStateRejoin } from '../shared/shared-state-options';
import { saveState } from '../store/save-state';
import type { BreakEvent, StateChangeEvent } from './circuit-breaker-events';
import type { CircuitBreakerOptions } from './circuit-breaker-options';
import type { CircuitBreakerSnapshot, CircuitState } from './circuit-breaker-snapshot';
import type { FailureCounter } from './failure-counter';
import { FleetBreaker } from './fleet-breaker';
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
 *
 * With `shared`, the breakers of many processes act as one: one that opens opens every other
 * (`onBreak` with `byFleet`), and once the open period is over exactly one process, the one
 * that wins the fleet's probe lease, probes; the others refuse until its probe closes or
 * reopens the fleet's breaker, or its lease (`shared.probeLeaseMs`) runs out. With
 * `halfOpenProbes` above 1 the lease holder runs them all. When the shared state fails or is
 * slow, the breaker goes on alone (`onSharedStateFault`) and tries again later.
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
  private readonly fleet: FleetBreaker | undefined;

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
  /** Shared mode: fires when an operation on the shared state fails or runs late; the breaker goes on alone. */
  readonly onSharedStateFault: Event<SharedStateFault>;
  /** Shared mode: fires when an operation on the shared state succeeds again after a fault. */
  readonly onSharedStateRejoin: Event<SharedStateRejoin>;

  constructor(options: CircuitBreakerOptions = {}) {
    this.settings = prepareCircuitBreakerOptions(options);
    this.counter = this.settings.createCounter();
    this.openForMs = this.settings.halfOpenAfterMs;
    const { shared, clock } = this.settings;
    this.fleet = shared
      ? new FleetBreaker(shared, clock, {
          openUntil: (untilMs) => this.openUntil(untilMs),
          close: () => this.current !== 'closed' && this.close(false),
          changes: () => this.generation,
        })
      : undefined;
    this.onSharedStateFault =
      this.fleet?.link.onFault ?? new EventEmitter<SharedStateFault>().event;
    this.onSharedStateRejoin =
      this.fleet?.link.onRejoin ?? new EventEmitter<SharedStateRejoin>().event;
    this.fleet?.start();
  }

  /**
   * Runs `fn` unless the circuit is open; throws `BrokenCircuitError` without calling it otherwise.
   * @typeParam T What `fn` resolves with, inferred from `fn`; `execute` resolves with it too.
   */
  async execute<T>(fn: PolicyFunction<T>, signal?: AbortSignal): Promise<T> {
    // A process that has not heard the fleet yet would let a call through an open circuit.
    const firstRead = this.fleet?.firstRead;
    if (firstRead) await firstRead;
    this.fleet?.rejoinWhenDue();
    if (this.fleet && this.openPeriodOver() && this.fleet.needsLease()) await this.fleet.lease();
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
    if (state === 'open' || this.probedElsewhere()) return false;
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
    if (this.probedElsewhere()) return this.fleet!.leaseLeftMs();
    return this.current === 'open' ? Math.max(0, this.openRemainingMs()) : 0;
  }

  /** Shared mode: stops listening to the fleet's changes. The breaker goes on alone. */
  dispose(): void {
    this.fleet?.stop();
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
      if (this.fleet && !this.fleet.mayProbe()) {
        const retryAfterMs = this.fleet.leaseLeftMs();
        throw new BrokenCircuitError({ retryAfterMs, cause: this.lastFailure });
      }
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
    this.fleet?.opened(this.openedAt + this.openForMs);
    this.breakEmitter.emit({ error, retryAfterMs: this.openForMs });
  }

  /** The fleet's breaker is open until `untilMs`: open here too, unless already open as long. */
  private openUntil(untilMs: number): void {
    const now = this.settings.clock.now();
    if (this.current === 'half-open' && untilMs <= now) return;
    if (this.current === 'open' && untilMs <= this.openedAt + this.openForMs) return;
    const wasOpen = this.current === 'open';
    this.openedAt = now;
    this.openForMs = Math.max(0, untilMs - now);
    if (wasOpen) return;
    this.moveTo('open');
    this.breakEmitter.emit({ error: undefined, retryAfterMs: this.openForMs, byFleet: true });
  }

  /** Closes; `tellFleet` when a probe here succeeded (not when the fleet told us). */
  private close(tellFleet = true): void {
    this.counter.reset();
    this.reopenCount = 0;
    this.moveTo('closed');
    if (tellFleet) this.fleet?.closed();
    this.resetEmitter.emit();
  }

  /** Open, its period over: the next call probes (half-open). */
  private openPeriodOver(): boolean {
    return this.current === 'open' && this.openRemainingMs() <= 0;
  }

  /** Shared mode: the open period is over, and another process holds the probe lease. */
  private probedElsewhere(): boolean {
    return (
      this.fleet !== undefined &&
      this.openPeriodOver() &&
      !this.fleet.mayProbe() &&
      !this.fleet.needsLease()
    );
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
