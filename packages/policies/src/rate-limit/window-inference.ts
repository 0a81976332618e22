import type { RateLimitWindowObservation } from './token-bucket';

/** A reset this close to a whole second (of the epoch, or as a duration) was rounded to one. */
const wholeSecondSlackMs = 2;

/** Recent reports compared with each new one for the signature of a fixed window. */
const recentReports = 64;

/** Reports that must agree before a window is inferred: one alone may be an outlier. */
const minimumReports = 2;

/** How far apart the bounds of two reports may lie and still be read as one window length. */
const consistencyTolerance = 0.02;

/**
 * Infers the length of one window (requests or tokens) from consecutive reports, read as a
 * bucket that drips back continuously and reports its reset as the time until it is full, as
 * OpenAI's and Anthropic's do. Such a bucket holding `remaining` of `limit` is full again after
 * `(limit - remaining) * windowMs / limit`, so each report bounds the window:
 * `remaining` is rounded down, so the bucket lacks more than `limit - remaining - 1` and at most
 * `limit - remaining`, giving `resetMs * limit / (limit - remaining)` <= windowMs <
 * `resetMs * limit / (limit - remaining - 1)`. A reset rounded to whole seconds (Anthropic's
 * timestamps, a gateway's seconds) widens both bounds by a second.
 *
 * The inferred window is the longest one every report seen allows (the least upper bound): the
 * reading that cannot send faster than the server refills, converging from above as reports
 * come. Reports no single window explains (a limit header larger than the real limit) reject
 * the reading for good: nothing is inferred, and the configured or default window stands.
 * Reports that show a fixed window ({@link showsFixedWindow}) give the longest reset seen
 * instead: a fixed window's reset is the end of the window, never further off than its length. A
 * change of the reported limit starts over.
 */
export class WindowInference {
  private lowest = 0;
  private highest = Infinity;
  private limit = Number.NaN;
  private rejected = false;
  private reports = 0;
  private longestResetMs = 0;
  private fixed = false;
  /** The recent reports as a ring of parallel columns: no object per report. */
  private readonly recentRemaining = new Float64Array(recentReports);
  private readonly recentResetMs = new Float64Array(recentReports);
  private readonly recentSlackMs = new Float64Array(recentReports);
  private recentCount = 0;
  private nextRecent = 0;

  /**
   * Whether the reports showed a fixed window: of two reports, the one with less remaining
   * had the sooner reset. A continuous bucket's time until full is a function of its level
   * alone, longer the less it holds, whatever order reports arrive in (and whatever limit the
   * headers claim); a fixed window's reset only comes closer as it fills.
   */
  get showsFixedWindow(): boolean {
    return this.fixed;
  }

  /**
   * Folds in one report, read against `capacity` when it names no limit, at `now`; returns the
   * window length every report so far allows, or `undefined` while there is none.
   */
  infer(report: RateLimitWindowObservation, capacity: number, now: number): number | undefined {
    const limit = report.limit ?? capacity;
    const { remaining, resetMs } = report;
    if (!Number.isFinite(limit) || limit <= 0) return undefined;
    if (limit !== this.limit) this.startOver(limit);
    if (remaining === undefined || resetMs === undefined) return this.window();
    const lacking = limit - remaining;
    if (!(lacking >= 1) || !(resetMs > 0)) return this.window();
    const slackMs = roundedToSeconds(resetMs, now) ? 1000 : 0;
    this.longestResetMs = Math.max(this.longestResetMs, resetMs);
    if (!this.fixed) this.lookForFixedWindow(remaining, resetMs, slackMs);
    if (this.rejected) return this.window();
    this.reports += 1;
    this.lowest = Math.max(this.lowest, (Math.max(0, resetMs - slackMs) * limit) / lacking);
    if (lacking >= 2) {
      this.highest = Math.min(this.highest, ((resetMs + slackMs) * limit) / (lacking - 1));
    }
    if (this.lowest > this.highest * (1 + consistencyTolerance)) this.rejected = true;
    return this.window();
  }

  private lookForFixedWindow(remaining: number, resetMs: number, slackMs: number): void {
    for (let index = 0; index < this.recentCount; index++) {
      const earlierRemaining = this.recentRemaining[index]!;
      const earlierResetMs = this.recentResetMs[index]!;
      const slack = slackMs + this.recentSlackMs[index]!;
      // The report holding less must not have the later reset: a fixed window's does.
      const emptierResetsFirst =
        earlierRemaining > remaining
          ? resetMs + slack < earlierResetMs
          : earlierRemaining < remaining && earlierResetMs + slack < resetMs;
      if (emptierResetsFirst) {
        this.fixed = true;
        this.rejected = true;
      }
    }
    this.recentRemaining[this.nextRecent] = remaining;
    this.recentResetMs[this.nextRecent] = resetMs;
    this.recentSlackMs[this.nextRecent] = slackMs;
    this.recentCount = Math.min(recentReports, this.recentCount + 1);
    this.nextRecent = (this.nextRecent + 1) % recentReports;
  }

  private window(): number | undefined {
    // A fixed window lasts at least as long as any reset it reported.
    if (this.fixed) return this.longestResetMs > 0 ? this.longestResetMs : undefined;
    const settled = this.reports >= minimumReports && !this.rejected;
    return settled && Number.isFinite(this.highest) ? this.highest : undefined;
  }

  private startOver(limit: number): void {
    this.limit = limit;
    this.lowest = 0;
    this.highest = Infinity;
    this.rejected = false;
    this.reports = 0;
    this.longestResetMs = 0;
    this.fixed = false;
    this.recentCount = 0;
    this.nextRecent = 0;
  }
}

function roundedToSeconds(resetMs: number, now: number): boolean {
  const nearWholeSecond = (ms: number) => {
    const offset = ((ms % 1000) + 1000) % 1000;
    return offset <= wholeSecondSlackMs || offset >= 1000 - wholeSecondSlackMs;
  };
  return nearWholeSecond(resetMs) || nearWholeSecond(now + resetMs);
}
