import { onAbort } from '@resilient-llm/policies/internal';

/**
 * Settles with `promise`, or rejects with `toError()` the moment `signal` fires, whichever
 * comes first. The caller must not wait on code that ignores its signal.
 */
export function raceSignal<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  toError: () => unknown,
): Promise<T> {
  if (signal.aborted) {
    promise.catch(ignore);
    return Promise.reject(toError());
  }
  return new Promise<T>((resolve, reject) => {
    const stopListening = onAbort(signal, () => {
      promise.catch(ignore);
      reject(toError());
    });
    promise.then(
      (value) => {
        stopListening();
        resolve(value);
      },
      (error: unknown) => {
        stopListening();
        reject(error);
      },
    );
  });
}

function ignore(): void {}
