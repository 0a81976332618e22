/** What a policy hands to the function it runs. */
export interface PolicyContext {
  /** Fires when the caller, a timeout or a deadline cancels this run; pass it on to I/O. */
  readonly signal: AbortSignal;
  /** 1-based number of the call made by the nearest enclosing retry; absent outside a retry. */
  readonly attempt?: number;
}

/**
 * A unit of work a policy runs: receives the context, returns a promise.
 * @typeParam T What the unit of work resolves with.
 */
export type PolicyFunction<T> = (context: PolicyContext) => PromiseLike<T> | T;

/**
 * The one interface every policy implements: run `fn` under the policy. `signal` cancels the
 * run; policies pass a signal on to `fn` in every case, so `fn` never has to check for one.
 */
export interface Policy {
  /**
   * Runs `fn` under the policy; `signal` cancels the run.
   * @typeParam T What `fn` resolves with, inferred from `fn`; `execute` resolves with it too.
   */
  execute<T>(fn: PolicyFunction<T>, signal?: AbortSignal): Promise<T>;
}
