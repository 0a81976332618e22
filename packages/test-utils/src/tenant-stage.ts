import { InvalidOptionError, type Stage } from '@resilient-llm/core';

/** What one hook of {@link tenantStage} saw of the per-call options. */
export interface SeenTenant {
  readonly hook: 'wrapCall' | 'wrapTarget';
  readonly tenant: unknown;
}

/**
 * A user stage that declares the per-call option `tenant` (a non-empty string) and records
 * what `context.options.tenant` each of its hooks saw, for tests that carry per-call options
 * through an adapter.
 */
export function tenantStage<TTarget, TRequest, TResponse, TPart>(): {
  readonly stage: Stage<TTarget, TRequest, TResponse, TPart>;
  readonly seen: SeenTenant[];
} {
  const seen: SeenTenant[] = [];
  const tenantOf = (options: object) => (options as { tenant?: unknown }).tenant;
  const stage: Stage<TTarget, TRequest, TResponse, TPart> = {
    name: 'tenant',
    callOptions: {
      tenant(value, field) {
        if (typeof value !== 'string' || value === '')
          throw new InvalidOptionError({ field, value, reason: 'must be a non-empty string' });
      },
    },
    wrapCall({ request, context, next }) {
      seen.push({ hook: 'wrapCall', tenant: tenantOf(context.options) });
      return next(request);
    },
    wrapTarget({ request, context, next }) {
      seen.push({ hook: 'wrapTarget', tenant: tenantOf(context.options) });
      return next(request);
    },
  };
  return { stage, seen };
}
