import type { Clock, MaybePromise } from '@resilient-llm/policies';
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
    const timer = clock.setTimeout(
      () => reject(new CacheStoreTimeoutError({ timeoutMs })),
      timeoutMs,
    );
    answer.then(
      (value) => {
        clock.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clock.clearTimeout(timer);
        reject(error);
      },
    );
  });
}
