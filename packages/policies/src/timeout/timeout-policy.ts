import { TimeoutError } from '../errors/timeout-error';
import { EventEmitter } from '../events/event';
import { listenableSignal, neverAbortedSignal } from '../policy/never-aborted-signal';
import type { Policy, PolicyFunction } from '../policy/policy';
import { abortError, onAbort, throwIfAborted } from '../time/abort';
import { type Clock, systemClock } from '../time/clock';
import { startTimer } from '../time/start-timer';
import {
  assertClock,
  assertNumber,
  assertOneOf,
  assertOptions,
  optionKeys,
} from '../validation/validate';

/** Options of {@link TimeoutPolicy}. */
export interface TimeoutOptions {
  /**
   * Time allowed for one run, in milliseconds; `Infinity` turns the policy into a
   * pass-through. Defaults to 30000 (`defaultTimeoutOptions.timeoutMs`).
   */
  timeoutMs?: number;
  /**
   * The phase the `TimeoutError` reports: one `attempt`, or the `total` of a call. Defaults
   * to `'attempt'` (`defaultTimeoutOptions.phase`).
   */
  phase?: 'attempt' | 'total';
  /** Source of time. Defaults to the system clock. */
  clock?: Clock;
}

/** The values {@link TimeoutPolicy} applies to the {@link TimeoutOptions} left out. */
export const defaultTimeoutOptions = {
  timeoutMs: 30_000,
  phase: 'attempt',
} as const satisfies TimeoutOptions;

/** Every option of {@link TimeoutOptions}: any other key is refused. */
const timeoutOptionKeys = optionKeys<TimeoutOptions>({
  timeoutMs: true,
  phase: true,
  clock: true,
});

/**
 * Limits the time of one run: when it runs out the inner signal aborts (reason: the
 * `TimeoutError`) and the call rejects at once with `TimeoutError`, without waiting for `fn`
 * to notice. The timer is cleared as soon as the run settles; a result that is still being
 * consumed afterwards (a stream) is not aborted.
 */
export class TimeoutPolicy implements Policy {
  private readonly timeoutMs: number;
  private readonly phase: 'attempt' | 'total';
  private readonly clock: Clock;
  private readonly timeoutEmitter = new EventEmitter<TimeoutError>();

  /** Fires when a run times out. */
  readonly onTimeout = this.timeoutEmitter.event;

  constructor(options: TimeoutOptions = {}) {
    assertOptions('', options, timeoutOptionKeys);
    const {
      timeoutMs = defaultTimeoutOptions.timeoutMs,
      phase = defaultTimeoutOptions.phase,
      clock = systemClock,
    } = options;
    assertClock('clock', clock);
    assertNumber('timeoutMs', timeoutMs, { allowInfinity: true });
    assertOneOf('phase', phase, ['attempt', 'total']);
    this.timeoutMs = timeoutMs;
    this.phase = phase;
    this.clock = clock;
  }

  /**
   * Runs `fn` with a signal that aborts when the time runs out or `signal` fires.
   * @typeParam T What `fn` resolves with, inferred from `fn`; `execute` resolves with it too.
   */
  execute<T>(fn: PolicyFunction<T>, callerSignal?: AbortSignal): Promise<T> {
    const signal = listenableSignal(callerSignal);
    // No limit needs no timer and no controller of its own.
    if (this.timeoutMs === Infinity) return this.passThrough(fn, signal);
    return new Promise<T>((resolve, reject) => {
      throwIfAborted(signal);
      const controller = new AbortController();
      const finish = () => {
        cancelTimer();
        stopListening();
      };
      const cancelTimer = startTimer(
        () => {
          stopListening();
          const error = new TimeoutError({ phase: this.phase, timeoutMs: this.timeoutMs });
          controller.abort(error);
          this.timeoutEmitter.emit(error);
          reject(error);
        },
        this.timeoutMs,
        { clock: this.clock },
      );
      const stopListening = onAbort(signal, () => {
        cancelTimer();
        controller.abort(signal!.reason);
        reject(abortError(signal!));
      });
      let running: PromiseLike<T> | T;
      try {
        running = fn({ signal: controller.signal });
      } catch (error) {
        finish();
        reject(error);
        return;
      }
      Promise.resolve(running).then(
        (value) => {
          finish();
          resolve(value);
        },
        (error: unknown) => {
          finish();
          reject(error);
        },
      );
    });
  }

  private async passThrough<T>(fn: PolicyFunction<T>, signal: AbortSignal | undefined): Promise<T> {
    throwIfAborted(signal);
    return fn({ signal: signal ?? neverAbortedSignal() });
  }
}
