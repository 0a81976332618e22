import { AbortedError } from '../errors/aborted-error';

/** The error a caller sees when its signal fires: an {@link AbortedError} keeping the reason. */
export function abortError(signal: AbortSignal): AbortedError {
  return new AbortedError({ cause: signal.reason });
}

/** Throws {@link AbortedError} when the signal has already fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/**
 * Listens for `abort` until `dispose()`; the listener is removed in every case so that
 * long-lived signals do not collect listeners.
 */
export function onAbort(signal: AbortSignal | undefined, listener: () => void): () => void {
  if (!signal) return noop;
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}

function noop(): void {}
