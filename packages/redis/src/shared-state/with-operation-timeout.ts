import { type Clock, startTimer } from '@resilient-llm/policies';
import { SharedStateTimeoutError } from './shared-state-timeout-error';

/**
 * Settles as `answer` does, or rejects with {@link SharedStateTimeoutError} after `timeoutMs`
 * on `clock` (`Infinity`: never); the timer is always cleared. A late answer is dropped.
 */
export function withOperationTimeout<T>(
  operation: string,
  answer: Promise<T>,
  timeoutMs: number,
  clock: Clock,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stopTimer = startTimer(
      () => reject(new SharedStateTimeoutError({ operation, timeoutMs })),
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
