import { abortError } from '../time/abort';
import { createDeadline, type Deadline, type DeadlineOptions } from '../time/deadline';

/**
 * Runs `fn` under a total deadline of `timeoutMs` joined with the caller's `signal`: `fn`
 * receives the {@link Deadline} (its `signal` to pass on, `remainingMs()` for a retry policy's
 * `deadline` option). When the time runs out the call rejects at once with `TimeoutError` of
 * phase `total`; when `signal` fires, with `AbortedError`. The timer is always cleared.
 *
 * @example
 * await withDeadline(
 *   (deadline) => retry.execute(fetchIt, deadline.signal, { deadline: deadline.remainingMs }),
 *   { timeoutMs: 10_000, signal },
 * );
 * @typeParam T What `fn` resolves with, inferred from `fn`; `withDeadline` resolves with it too.
 */
export function withDeadline<T>(
  fn: (deadline: Deadline) => PromiseLike<T> | T,
  options: DeadlineOptions = {},
): Promise<T> {
  const deadline = createDeadline(options);
  const callerSignal = options.signal;
  return new Promise<T>((resolve, reject) => {
    const fail = (error: unknown) => {
      deadline.dispose();
      reject(error);
    };
    // The deadline's signal carries the TimeoutError, or the caller's raw reason on abort.
    const onExpired = () =>
      fail(callerSignal?.aborted ? abortError(callerSignal) : deadline.signal.reason);
    if (deadline.signal.aborted) {
      onExpired();
      return;
    }
    deadline.signal.addEventListener('abort', onExpired, { once: true });
    const succeed = (value: T) => {
      deadline.signal.removeEventListener('abort', onExpired);
      deadline.dispose();
      resolve(value);
    };
    try {
      Promise.resolve(fn(deadline)).then(succeed, fail);
    } catch (error) {
      fail(error);
    }
  });
}
