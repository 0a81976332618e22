import { AbortedError } from '@resilient-llm/core';

/** One caller waiting for its own result: its input, its promise, and how it settles. */
export interface PendingCall<TInput, TResult> {
  /** What the caller asked for. */
  readonly input: TInput;
  /** Settles once, with the caller's own result or error. */
  readonly promise: Promise<TResult>;
  /** True once resolved, rejected or aborted. */
  readonly settled: boolean;
  /** Resolves the caller's promise unless it already settled. */
  resolve(value: TResult): void;
  /** Rejects the caller's promise unless it already settled. */
  reject(error: unknown): void;
  /** Calls `listener` once when the call settles (at once if it has). */
  onSettled(listener: () => void): void;
}

/**
 * Creates a call whose promise rejects with `AbortedError` as soon as `signal` fires, then
 * tells `onAbort` so the caller's item can be taken out of its batch.
 */
export function createPendingCall<TInput, TResult>(
  input: TInput,
  {
    signal,
    onAbort,
  }: {
    signal: AbortSignal | undefined;
    onAbort: (call: PendingCall<TInput, TResult>) => void;
  },
): PendingCall<TInput, TResult> {
  let resolvePromise!: (value: TResult) => void;
  let rejectPromise!: (error: unknown) => void;
  const promise = new Promise<TResult>((resolve, reject) => {
    resolvePromise = resolve;
    rejectPromise = reject;
  });
  const listeners: (() => void)[] = [];
  let settled = false;

  const settle = (finish: () => void) => {
    if (settled) return;
    settled = true;
    signal?.removeEventListener('abort', abort);
    finish();
    for (const listener of listeners.splice(0)) listener();
  };
  const call: PendingCall<TInput, TResult> = {
    input,
    promise,
    get settled() {
      return settled;
    },
    resolve: (value) => settle(() => resolvePromise(value)),
    reject: (error) => settle(() => rejectPromise(error)),
    onSettled: (listener) => {
      if (settled) listener();
      else listeners.push(listener);
    },
  };
  function abort() {
    call.reject(new AbortedError({ cause: signal?.reason }));
    onAbort(call);
  }
  if (signal?.aborted) abort();
  else signal?.addEventListener('abort', abort, { once: true });
  return call;
}
