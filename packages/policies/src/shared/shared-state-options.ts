import { optionKeys } from '../validation/option-keys';
import type { SharedState } from './shared-state';

/** Where a policy shares its state with the other processes of a fleet, and how it copes when that fails. */
export interface SharedStateOptions {
  /** The fleet's state (`redisSharedState`, or a `MemorySharedState` within one process). Required. */
  state: SharedState;
  /** This policy's key in `state` (the state adds its own prefix). Required. */
  key: string;
  /**
   * Longest wait for one operation on `state`; a slower one counts as a fault and the policy
   * goes on from local state. Defaults to 100 (`defaultSharedStateOptions.timeoutMs`). Until
   * the state first answers, operations wait at least {@link firstAnswerTimeoutFloorMs}.
   */
  timeoutMs?: number;
  /**
   * After a fault, how long the policy runs on local state alone before its next operation
   * tries the fleet again. Defaults to 5000 (`defaultSharedStateOptions.rejoinAfterMs`).
   */
  rejoinAfterMs?: number;
}

/** The values applied to the {@link SharedStateOptions} left out. */
export const defaultSharedStateOptions = {
  timeoutMs: 100,
  rejoinAfterMs: 5_000,
} as const satisfies Partial<SharedStateOptions>;

/**
 * The least time the operations sent before the fleet's state first answered may take: they
 * may open the connection and load scripts, in a process still starting up. Timing them out
 * at `timeoutMs` would put a process on local state, with a full bucket of its own, just as
 * every process of a fleet starts at once.
 */
export const firstAnswerTimeoutFloorMs = 1_000;

/** Every option of {@link SharedStateOptions}: any other key is refused. */
export const sharedStateOptionKeys = optionKeys<SharedStateOptions>({
  state: true,
  key: true,
  timeoutMs: true,
  rejoinAfterMs: true,
});

/** The methods every {@link SharedState} has. */
export const sharedStateMethods = [
  'rateLimit',
  'readBreaker',
  'openBreaker',
  'leaseProbe',
  'closeBreaker',
] as const satisfies readonly (keyof SharedState)[];

/** The methods a {@link SharedState} may have. */
export const optionalSharedStateMethods = [
  'onBreakerChange',
  'close',
] as const satisfies readonly (keyof SharedState)[];

/** A policy-side event: the first operation on the fleet's state that succeeded after a fault. */
export interface SharedStateRejoin {
  /** The key the policy shares state under. */
  readonly key: string;
}
