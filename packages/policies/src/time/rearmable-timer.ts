import type { Clock, TimerHandle } from './clock';
import { maxTimerDelayMs } from './timer-delay';

/**
 * One timer that a policy arms, moves and cancels for as long as it lives: what a queue's
 * "serve the head when it is due" needs, armed again on every event. Unlike a
 * {@link startTimer} per arming, nothing is allocated but the clock's own handle (the callback
 * is bound once), and arming it for the moment it is already armed for changes nothing: the
 * host timer stays as it is. It keeps the process alive while armed (the wait is a caller's).
 * Any delay is honoured: one longer than a host timer holds is served as a chain, each link
 * re-measured against `clock.now()`.
 */
export class RearmableTimer {
  private handle: TimerHandle | undefined;
  private armed = false;
  /** When the timer is due, on `clock`. */
  private dueAt = 0;
  /** Whether the host timer is one link of a chain (the delay was longer than one holds). */
  private chained = false;

  constructor(
    private readonly callback: () => void,
    private readonly clock: Clock,
  ) {}

  /** Whether the timer is armed and has not fired. */
  get isArmed(): boolean {
    return this.armed;
  }

  /**
   * Fires `callback` once after `delayMs` from now, instead of any arming before; a no-op when
   * armed for that very moment already. `Infinity` only cancels; a negative delay counts as 0.
   */
  arm(delayMs: number): void {
    if (delayMs === Infinity) {
      this.cancel();
      return;
    }
    const waitMs = Math.max(0, delayMs);
    const dueAt = this.clock.now() + waitMs;
    if (this.armed && dueAt === this.dueAt) return;
    this.cancel();
    this.armed = true;
    this.dueAt = dueAt;
    this.chained = waitMs > maxTimerDelayMs;
    this.handle = this.clock.setTimeout(this.onDue, Math.min(waitMs, maxTimerDelayMs));
  }

  /** Cancels the timer; a no-op when it is not armed. */
  cancel(): void {
    if (!this.armed) return;
    this.armed = false;
    this.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private readonly onDue = (): void => {
    const remainingMs = this.dueAt - this.clock.now();
    if (this.chained && remainingMs > 0) {
      this.chained = remainingMs > maxTimerDelayMs;
      this.handle = this.clock.setTimeout(this.onDue, Math.min(remainingMs, maxTimerDelayMs));
      return;
    }
    this.armed = false;
    this.handle = undefined;
    this.callback();
  };
}
