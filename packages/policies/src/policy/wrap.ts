import { neverAbortedSignal } from './never-aborted-signal';
import type { Policy, PolicyContext, PolicyFunction } from './policy';

/**
 * Composes policies into one, outermost first: `wrap(retry, breaker, timeout)` retries calls
 * that go through the breaker, each attempt under its own timeout. The `attempt` number set by
 * an outer retry reaches the innermost function even when inner policies do not know about it.
 */
export function wrap(...policies: Policy[]): Policy {
  const count = policies.length;
  return {
    execute<T>(fn: PolicyFunction<T>, signal?: AbortSignal): Promise<T> {
      const run = (index: number, context: PolicyContext): PromiseLike<T> | T => {
        if (index === count) return fn(context);
        return policies[index]!.execute(
          (inner) => run(index + 1, mergeContext(context, inner)),
          context.signal,
        );
      };
      if (count === 0)
        return Promise.resolve().then(() => fn({ signal: signal ?? neverAbortedSignal() }));
      return policies[0]!.execute((inner) => run(1, inner), signal);
    },
  };
}

function mergeContext(outer: PolicyContext, inner: PolicyContext): PolicyContext {
  if (inner.attempt !== undefined || outer.attempt === undefined) return inner;
  return { signal: inner.signal, attempt: outer.attempt };
}
