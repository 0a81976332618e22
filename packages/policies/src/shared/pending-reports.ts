import type { Clock } from '../time/clock';
import { startTimer } from '../time/start-timer';
import type { SharedRateLimitCommand } from './shared-state';

/** Reports a {@link PendingReports} holds: what a response said, and what a permit gave back. */
export type SharedRateLimitReport = Extract<SharedRateLimitCommand, { op: 'observe' | 'refund' }>;

/**
 * The most reports held before they go on their own; more would lengthen the next take's
 * round trip for little.
 */
export const maxPendingReports = 16;

/**
 * Reports to the fleet that nobody awaits, held so that they ride on the next command (a take,
 * a 429) in the same round trip instead of costing one each: a permit then costs one round
 * trip. Held reports go on their own `delayMs()` after the first of them when no command takes
 * them sooner, or at once when {@link maxPendingReports} are held. Refunds in a row are
 * summed. The delay's timer never keeps the process alive.
 */
export class PendingReports {
  private reports: SharedRateLimitReport[] = [];
  private stopTimer: (() => void) | undefined;

  constructor(
    private readonly send: (reports: SharedRateLimitReport[]) => void,
    private readonly delayMs: () => number,
    private readonly clock: Clock,
  ) {}

  get length(): number {
    return this.reports.length;
  }

  /** Holds `report` until the next command takes it, or its delay runs out. */
  add(report: SharedRateLimitReport): void {
    const last = this.reports.at(-1);
    if (report.op === 'refund' && last?.op === 'refund') {
      this.reports[this.reports.length - 1] = {
        op: 'refund',
        requests: last.requests + report.requests,
        tokens: last.tokens + report.tokens,
      };
    } else {
      this.reports.push(report);
    }
    if (this.reports.length >= maxPendingReports) this.flush();
    else
      this.stopTimer ??= startTimer(() => this.flush(), this.delayMs(), {
        clock: this.clock,
        unref: true,
      });
  }

  /** Takes every held report, to send ahead of another command. */
  take(): SharedRateLimitReport[] {
    this.stopTimer?.();
    this.stopTimer = undefined;
    const reports = this.reports;
    this.reports = [];
    return reports;
  }

  /** Sends the held reports on their own now. */
  flush(): void {
    const reports = this.take();
    if (reports.length > 0) this.send(reports);
  }
}
