import type { Observation } from '../binding/observation';
import type { CallContext, TargetContext } from './context';
import type { AttemptOutcome, CallOutcome } from './outcome';

/** Arguments of {@link Stage.wrapCall}. */
export interface WrapCallInput<TTarget, TRequest, TResponse, TPart> {
  readonly request: TRequest;
  readonly context: CallContext;
  /** Runs the rest of the call (inner stages, then the fallback chain). */
  readonly next: (request: TRequest) => Promise<CallOutcome<TTarget, TResponse, TPart>>;
}

/** Arguments of {@link Stage.wrapTarget}. */
export interface WrapTargetInput<TTarget, TRequest, TResponse, TPart> {
  readonly request: TRequest;
  readonly context: TargetContext<TTarget>;
  /**
   * Runs one attempt on this target through the inner stages; may be called again to retry.
   * Pass `signal` to narrow the signal inner stages and the binding see (it must follow
   * `context.signal`).
   */
  readonly next: (
    request: TRequest,
    options?: { signal?: AbortSignal },
  ) => Promise<AttemptOutcome<TResponse, TPart>>;
}

/**
 * One stage of the pipeline: an object of optional hooks, composed like the AI SDK's
 * `wrapLanguageModel` middleware: the first stage listed is the outermost.
 *
 * - `wrapCall` runs once per call, outside the fallback chain (deadline, cache, logging).
 * - `wrapTarget` runs once per target tried, inside the fallback chain (retry, circuit
 *   breaker, rate limiter, bulkhead, attempt timeout). Throwing a fallbackable error from it
 *   (e.g. an open circuit) moves the call on to the next target.
 */
export interface Stage<
  TTarget = unknown,
  TRequest = unknown,
  TResponse = unknown,
  TPart = unknown,
> {
  /** Shown in errors and events. */
  readonly name: string;
  wrapCall?(
    input: WrapCallInput<TTarget, TRequest, TResponse, TPart>,
  ): Promise<CallOutcome<TTarget, TResponse, TPart>>;
  wrapTarget?(
    input: WrapTargetInput<TTarget, TRequest, TResponse, TPart>,
  ): Promise<AttemptOutcome<TResponse, TPart>>;
  /**
   * Receives what each response of a target said: rate-limit headers as the stream or
   * response opens, usage when it arrives. Feeds adaptive stages such as the rate limiter.
   */
  observe?(observation: Observation, context: TargetContext<TTarget>): void;
}
