import type { SharedStateOptions } from '../shared/shared-state-options';
import { optionKeys } from '../validation/option-keys';

/** Shared mode of a circuit breaker: where the fleet's breaker lives, and its probe lease. */
export interface SharedBreakerOptions extends SharedStateOptions {
  /**
   * Once the fleet's open period is over, how long the one process that wins the probe lease
   * has to probe before another may: a crashed prober delays the fleet by at most this.
   * Defaults to 30000 (`defaultSharedBreakerOptions.probeLeaseMs`).
   */
  probeLeaseMs?: number;
}

/**
 * The value applied to {@link SharedBreakerOptions.probeLeaseMs} when left out; the fields of
 * `SharedStateOptions` default as `defaultSharedStateOptions`.
 */
export const defaultSharedBreakerOptions = {
  probeLeaseMs: 30_000,
} as const satisfies Partial<SharedBreakerOptions>;

/** The keys {@link SharedBreakerOptions} adds to `SharedStateOptions`. */
export const sharedBreakerExtraKeys = optionKeys<
  Omit<SharedBreakerOptions, keyof SharedStateOptions>
>({
  probeLeaseMs: true,
});
