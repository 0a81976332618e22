import type { FaultProfileInput } from '../faults/fault-profile';
import { createFaultInjector, type InjectOptions } from './fault-injector';

/**
 * Options of {@link injectFaults}.
 * @typeParam Args The arguments of the wrapped function, which `getSignal` receives.
 */
export interface InjectFaultsOptions<Args extends unknown[]> extends InjectOptions {
  /**
   * Finds the call's abort signal, which ends hangs and delays. Defaults to the first argument
   * that is an `AbortSignal` or has one as `signal` or `abortSignal`.
   */
  getSignal?: (...args: Args) => AbortSignal | undefined;
}

/**
 * Wraps any async function with a fault profile: each call may throw a simulated error
 * (`SimulatedFaultError`, shaped like the AI SDK's `APICallError`), hang until its signal
 * fires, or start late; otherwise it calls `fn`. Stream faults do not apply here.
 * @typeParam Args The arguments of `fn`, inferred from `fn`; the function returned takes the same.
 * @typeParam Result What `fn` resolves with, inferred from `fn`; the function returned resolves
 * with it too.
 */
export function injectFaults<Args extends unknown[], Result>(
  fn: (...args: Args) => Promise<Result>,
  profile: FaultProfileInput,
  { getSignal = findSignal, ...options }: InjectFaultsOptions<Args> = {},
): (...args: Args) => Promise<Result> {
  const injector = createFaultInjector(profile, options);
  return async (...args: Args) => {
    await injector.beforeCall(getSignal(...args));
    return fn(...args);
  };
}

function findSignal(...args: unknown[]): AbortSignal | undefined {
  for (const argument of args) {
    if (argument instanceof AbortSignal) return argument;
    if (typeof argument === 'object' && argument !== null) {
      const candidate =
        (argument as { signal?: unknown; abortSignal?: unknown }).signal ??
        (argument as { abortSignal?: unknown }).abortSignal;
      if (candidate instanceof AbortSignal) return candidate;
    }
  }
  return undefined;
}
