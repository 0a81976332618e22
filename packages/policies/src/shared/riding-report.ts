import type { Clock } from '../time/clock';
import type { SharedRateLimitCommand } from './shared-state';

type ObserveCommand = Extract<SharedRateLimitCommand, { op: 'observe' }>;

/**
 * The longest a report that tightened nothing waits for a take to ride on; older, it is
 * dropped. Applied late, a report's `remaining` is older than the fleet's refill: the fleet
 * would count less than the server has, by what refills meanwhile. So such a report rides for
 * at most the time one request takes to refill, and never longer than this.
 */
const maximumRideMs = 250;

/**
 * The one report of a `SharedRateLimiter` waiting to ride on its next operation on the fleet,
 * so that a permit costs one round trip. A later report replaces an earlier one (it says as
 * much, and is fresher), keeping its urgency and its `fixedWindows` flag, which only the first
 * report to show fixed windows carries. An urgent report (one the fleet must hear now) rides
 * only on an operation already under way and is sent on its own after it otherwise
 * ({@link takeUrgent}); one that is not rides within {@link maximumRideMs}, or is dropped.
 */
export class RidingReport {
  private pending: { command: ObserveCommand; at: number; urgent: boolean } | undefined;

  /** `requestRatePerMs`: the fleet's refill rate, which bounds how long a report may ride. */
  constructor(
    private readonly clock: Clock,
    private readonly requestRatePerMs: () => number,
  ) {}

  /** Whether an urgent report waits to be sent. */
  get urgent(): boolean {
    return this.pending?.urgent ?? false;
  }

  /** Holds `command` for the next operation, in place of the one waiting. */
  hold(command: ObserveCommand, urgent: boolean): void {
    const earlier = this.pending;
    const fixedWindows = command.fixedWindows || earlier?.command.fixedWindows;
    this.pending = {
      command: fixedWindows ? { ...command, fixedWindows } : command,
      at: this.clock.now(),
      urgent: urgent || (earlier?.urgent ?? false),
    };
  }

  /** What rides on an operation sent now: the report waiting, if urgent or still fresh. */
  take(): SharedRateLimitCommand[] {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return [];
    const rideMs = Math.min(maximumRideMs, 1 / this.requestRatePerMs());
    const fresh = pending.urgent || this.clock.now() - pending.at <= rideMs;
    return fresh ? [pending.command] : [];
  }

  /** The urgent report waiting, taken to be sent on its own (undefined when none). */
  takeUrgent(): ObserveCommand | undefined {
    if (!this.pending?.urgent) return undefined;
    const { command } = this.pending;
    this.pending = undefined;
    return command;
  }
}
