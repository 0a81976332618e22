import { type Clock, startTimer, TimeoutError } from '@resilient-llm/policies';

/**
 * Settles as `answer` does, or rejects with a `TimeoutError` of phase `shared-state` after
 * `timeoutMs` on `clock` (`Infinity`: never); the timer is always cleared. A late answer is
 * dropped.
 */
export function withOperationTimeout<T>(
  answer: Promise<T>,
  timeoutMs: number,
  clock: Clock,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stopTimer = startTimer(
      () => reject(new TimeoutError({ phase: 'shared-state', timeoutMs })),
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
