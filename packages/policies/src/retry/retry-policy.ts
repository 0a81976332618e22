import { AbortedError } from '../errors/aborted-error';
import {
  RetriesExhaustedError,
  type RetriesExhaustedReason,
} from '../errors/retries-exhausted-error';
import { RetryAfterTooLongError } from '../errors/retry-after-too-long-error';
import { EventEmitter } from '../events/event';
import { neverAbortedSignal } from '../policy/never-aborted-signal';
import type { Policy, PolicyFunction } from '../policy/policy';
import { abortError, throwIfAborted } from '../time/abort';
import { sleep } from '../time/sleep';
import { isTimerDelay, maxTimerDelayMs } from '../time/timer-delay';
import { type Backoff, createBackoff } from './backoff';
import { prepareRetryOptions, type RetrySettings } from './prepare-retry-options';
import type { GiveUpEvent, GiveUpReason, RetryEvent } from './retry-events';
import type { RetryDeadline, RetryExecuteOptions, RetryOptions } from './retry-options';

/**
 * Calls a function again when it fails, up to `maxAttempts` calls, waiting
 * max(exponential backoff, server-requested delay) between calls. Every wait is abortable and
 * never ends past the deadline; a shared budget can cap retries across a fleet.
 *
 * Errors `shouldRetry` rejects are rethrown unchanged; otherwise the caller gets
 * `RetriesExhaustedError` (or `RetryAfterTooLongError`) holding every attempt's error.
 */
export class RetryPolicy implements Policy {
  private readonly settings: RetrySettings;
  private readonly retryEmitter = new EventEmitter<RetryEvent>();
  private readonly giveUpEmitter = new EventEmitter<GiveUpEvent>();

  /** Fires before each wait between two calls. */
  readonly onRetry = this.retryEmitter.event;
  /** Fires once when the policy stops with an error. */
  readonly onGiveUp = this.giveUpEmitter.event;

  constructor(options: RetryOptions = {}) {
    this.settings = prepareRetryOptions(options);
  }

  /**
   * Runs `fn`, retrying it as configured; `options.deadline` overrides the policy's deadline.
   * @typeParam T What `fn` resolves with, inferred from `fn`; `execute` resolves with it too.
   */
  async execute<T>(
    fn: PolicyFunction<T>,
    signal?: AbortSignal,
    options?: RetryExecuteOptions,
  ): Promise<T> {
    throwIfAborted(signal);
    const runSignal = signal ?? neverAbortedSignal();
    this.settings.budget?.recordCall();
    try {
      return await fn({ signal: runSignal, attempt: 1 });
    } catch (error) {
      return this.retry(fn, runSignal, error, options?.deadline ?? this.settings.deadline);
    }
  }

  private async retry<T>(
    fn: PolicyFunction<T>,
    signal: AbortSignal,
    firstError: unknown,
    deadline: RetryDeadline | undefined,
  ): Promise<T> {
    const { maxAttempts, shouldRetry, retryAfterMs, maxServerDelayMs, budget, clock } =
      this.settings;
    const errors: unknown[] = [firstError];
    let backoff: Backoff | undefined;
    for (let attempt = 1; ; attempt++) {
      const error = errors[errors.length - 1];
      if (signal.aborted)
        this.giveUp(
          attempt,
          AbortedError.isInstance(error) ? error : abortError(signal),
          'aborted',
        );
      if (!shouldRetry(error, attempt)) this.giveUp(attempt, error, 'not-retryable');
      const serverDelayMs = readDelay(retryAfterMs?.(error));
      if (attempt >= maxAttempts) this.exhausted(errors, 'max-attempts', serverDelayMs);
      if (
        serverDelayMs !== undefined &&
        (serverDelayMs > maxServerDelayMs || !isTimerDelay(serverDelayMs))
      ) {
        const tooLong = new RetryAfterTooLongError({
          attempts: attempt,
          errors,
          retryAfterMs: serverDelayMs,
          maxServerDelayMs,
        });
        this.giveUp(attempt, tooLong, 'retry-after-too-long');
      }
      backoff ??= createBackoff(this.settings);
      const delayMs = waitBefore(
        Math.min(backoff.next(), maxTimerDelayMs),
        serverDelayMs,
        this.settings,
      );
      if (deadline !== undefined && delayMs >= remainingMs(deadline, clock.now())) {
        this.exhausted(errors, 'deadline', serverDelayMs);
      }
      if (budget && !budget.tryRetry()) this.exhausted(errors, 'budget', serverDelayMs);
      if (this.retryEmitter.hasListeners) this.retryEmitter.emit({ attempt, delayMs, error });
      try {
        await sleep(delayMs, { signal, clock });
      } catch (abort) {
        this.giveUp(attempt, abort, 'aborted');
      }
      try {
        return await fn({ signal, attempt: attempt + 1 });
      } catch (nextError) {
        errors.push(nextError);
      }
    }
  }

  private exhausted(
    errors: unknown[],
    reason: RetriesExhaustedReason,
    retryAfterMs: number | undefined,
  ): never {
    const error = new RetriesExhaustedError({
      attempts: errors.length,
      errors,
      reason,
      retryAfterMs,
    });
    return this.giveUp(errors.length, error, reason);
  }

  private giveUp(attempts: number, error: unknown, reason: GiveUpReason): never {
    if (this.giveUpEmitter.hasListeners) this.giveUpEmitter.emit({ attempts, error, reason });
    throw error;
  }
}

// The server's wait wins when longer; spreading it keeps a crowd told the same time apart.
function waitBefore(
  backoffMs: number,
  serverDelayMs: number | undefined,
  { jitter, serverDelaySpread }: RetrySettings,
): number {
  if (serverDelayMs === undefined || serverDelayMs <= backoffMs) return backoffMs;
  const spread = jitter === 'none' ? 0 : Math.random() * serverDelaySpread * serverDelayMs;
  return serverDelayMs + Math.floor(spread);
}

function remainingMs(deadline: RetryDeadline, now: number): number {
  return typeof deadline === 'function' ? deadline() : deadline - now;
}

// A hook may return garbage parsed from headers; treat anything but a usable number as "no ask".
function readDelay(value: number | undefined): number | undefined {
  return typeof value === 'number' && value >= 0 && !Number.isNaN(value) ? value : undefined;
}
