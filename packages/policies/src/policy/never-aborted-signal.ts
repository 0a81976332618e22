let shared: AbortSignal | undefined;

/**
 * A signal that never fires, handed to functions when the caller gave none. Created on first
 * use, never at module scope, so that importing the package does no work on edge runtimes.
 */
export function neverAbortedSignal(): AbortSignal {
  shared ??= new AbortController().signal;
  return shared;
}

/** The caller's signal, or `undefined` for none or the never-firing one: nothing to listen to. */
export function listenableSignal(signal: AbortSignal | undefined): AbortSignal | undefined {
  return signal === shared ? undefined : signal;
}
