import { type Clock, type MaybePromise, startTimer } from '@resilient-llm/policies';
import { CacheStoreTimeoutError } from '../errors/cache-store-timeout-error';

/**
 * Waits for a store answer at most `timeoutMs` on `clock`, then rejects with
 * `CacheStoreTimeoutError`. A synchronous answer costs no timer; the timer is always cleared.
 */
export function withStoreTimeout<T>(
  operation: () => MaybePromise<T>,
  timeoutMs: number,
  clock: Clock,
): MaybePromise<T> {
  const answer = operation();
  if (!(answer instanceof Promise)) return answer;
  return new Promise<T>((resolve, reject) => {
    const stopTimer = startTimer(
      () => reject(new CacheStoreTimeoutError({ timeoutMs })),
      timeoutMs,
      { clock },
    );
    answer.then(
      (value) => {
        stopTimer();
        resolve(value);
      },
      (error: unknown) => {
        stopTimer();
        reject(error);
      },
    );
  });
}
