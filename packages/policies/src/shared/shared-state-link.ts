import { TimeoutError } from '../errors/timeout-error';
import { EventEmitter } from '../events/event';
import type { Clock } from '../time/clock';
import { startTimer } from '../time/start-timer';
import type { SharedStateSettings } from './prepare-shared-state-options';
import type { SharedStateFault } from './shared-state';
import { firstAnswerTimeoutFloorMs, type SharedStateRejoin } from './shared-state-options';

/** Options of one {@link SharedStateLink.run}. */
export interface SharedOperationOptions<T> {
  /**
   * Whether a caller awaits the answer: then its timeout keeps the process alive, as the
   * caller's own wait does; otherwise it lets the process exit. Defaults to true.
   */
  readonly awaited?: boolean;
  /** Receives an answer that came after the timeout (e.g. to give back a late grant). */
  readonly late?: (value: T) => void;
  /** Bounds this operation instead of the settings' `timeoutMs` (e.g. opening a connection). */
  readonly timeoutMs?: number;
}

/**
 * A policy's line to the fleet's state: bounds every operation by `timeoutMs`, turns a
 * failure or a timeout into a fault event and `undefined` (the policy goes on from local
 * state), and after a fault keeps the policy on local state for `rejoinAfterMs`, after which
 * the next operation tries the fleet again; its success is the rejoin event. Until the fleet
 * first answers, operations wait at least {@link firstAnswerTimeoutFloorMs}.
 */
export class SharedStateLink {
  private faulted = false;
  private faults = 0;
  private retryAt = 0;
  private trying = false;
  private answered = false;
  private readonly faultEmitter = new EventEmitter<SharedStateFault>();
  private readonly rejoinEmitter = new EventEmitter<SharedStateRejoin>();

  /** Fires on every operation that failed or did not answer in time. */
  readonly onFault = this.faultEmitter.event;
  /** Fires when an operation succeeds after a fault. */
  readonly onRejoin = this.rejoinEmitter.event;

  constructor(
    readonly settings: SharedStateSettings,
    private readonly clock: Clock,
  ) {}

  /** True when the next operation should go to the fleet: no fault yet, or the back-off is over. */
  get available(): boolean {
    return !this.faulted || this.clock.now() >= this.retryAt;
  }

  /** True when a fault's back-off is over and no operation has tried the fleet since. */
  get rejoinDue(): boolean {
    return this.faulted && !this.trying && this.clock.now() >= this.retryAt;
  }

  /**
   * Runs `operation` on the fleet's state; resolves with its answer, or `undefined` once it
   * failed or ran past `timeoutMs` (reported through {@link onFault}). Never rejects.
   */
  run<T>(
    operation: string,
    call: (now: number) => Promise<T>,
    { awaited = true, late, timeoutMs = this.defaultTimeoutMs() }: SharedOperationOptions<T> = {},
  ): Promise<{ readonly value: T } | undefined> {
    const faultsBefore = this.faults;
    if (this.faulted) this.trying = true;
    return new Promise((resolve) => {
      let done = false;
      const fail = (error: unknown) => {
        done = true;
        this.fault(operation, error);
        resolve(undefined);
      };
      const timedOut = () => {
        if (!done) fail(new TimeoutError({ phase: 'shared-state', timeoutMs }));
      };
      // After a stall of the event loop (garbage collection, a long task) the timeout's timer
      // and the store's answer are both due, and timers run before I/O: a timer set from this
      // one runs only after the loop has polled, so an answer that arrived in time wins.
      let stopGrace: (() => void) | undefined;
      const stopTimeout = startTimer(
        () => {
          stopGrace = startTimer(timedOut, 0, { clock: this.clock, unref: !awaited });
        },
        timeoutMs,
        { clock: this.clock, unref: !awaited },
      );
      const stopTimer = () => {
        stopTimeout();
        stopGrace?.();
      };
      const answer = new Promise<T>((settle) => settle(call(this.clock.now())));
      answer.then(
        (value) => {
          this.answered = true;
          if (done) {
            late?.(value);
            // The store answered, only late (a busy event loop runs the timer first): when no
            // other fault came since this one's own timeout, it is reachable, so rejoin now
            // rather than after `rejoinAfterMs` alone.
            this.succeeded(faultsBefore + 1);
            return;
          }
          done = true;
          stopTimer();
          this.succeeded(faultsBefore);
          resolve({ value });
        },
        (error: unknown) => {
          if (done) return;
          stopTimer();
          fail(error);
        },
      );
    });
  }

  private defaultTimeoutMs(): number {
    const { timeoutMs } = this.settings;
    return this.answered ? timeoutMs : Math.max(timeoutMs, firstAnswerTimeoutFloorMs);
  }

  private fault(operation: string, error: unknown): void {
    this.faulted = true;
    this.trying = false;
    this.faults++;
    this.retryAt = this.clock.now() + this.settings.rejoinAfterMs;
    this.faultEmitter.emit({ operation, key: this.settings.key, error });
  }

  /** Rejoins when the operation started after the last fault (an older one proves nothing). */
  private succeeded(faultsBefore: number): void {
    if (!this.faulted || faultsBefore !== this.faults) return;
    this.faulted = false;
    this.trying = false;
    this.rejoinEmitter.emit({ key: this.settings.key });
  }
}
