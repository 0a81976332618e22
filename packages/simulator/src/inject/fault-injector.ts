import type { FaultPlan } from '../faults/fault-plan';
import { createResolvedFaultPlanner } from '../faults/fault-planner';
import type { FaultProfileInput } from '../faults/fault-profile';
import { resolveFaultProfile } from '../faults/resolve-fault-profile';
import { type SimulatorClock, systemClock } from '../time/clock';
import { delay } from './delay';
import { contextLengthError, faultError } from './fault-errors';

/** Options of the in-process wrappers. */
export interface InjectOptions {
  /** Source of time for delays and fault windows. Defaults to the system clock. */
  clock?: SimulatorClock;
}

/** Draws faults per call and plays the ones that happen before any result. */
export interface FaultInjector {
  /**
   * Draws the next call's faults, throws its error fault, hangs until `signal` fires for a
   * hang, and waits the time to first token. Returns the plan for stream faults.
   */
  beforeCall(signal: AbortSignal | undefined, promptTokens?: number): Promise<FaultPlan>;
  readonly clock: SimulatorClock;
}

/** Creates the injector shared by every in-process wrapper; validates the profile now. */
export function createFaultInjector(
  profile: FaultProfileInput,
  { clock = systemClock }: InjectOptions = {},
): FaultInjector {
  const { model, seed } = resolveFaultProfile(profile);
  const planner = createResolvedFaultPlanner(model, seed);
  const startedAt = clock.now();
  return {
    clock,
    async beforeCall(signal, promptTokens) {
      if (promptTokens !== undefined && promptTokens > model.contextWindow) {
        throw contextLengthError(model.contextWindow, promptTokens);
      }
      const plan = planner.plan(clock.now() - startedAt);
      if (plan.response?.type === 'hang') await delay(clock, Infinity, signal);
      else if (plan.response) throw faultError(plan.response);
      await delay(clock, plan.firstTokenDelayMs, signal);
      return plan;
    },
  };
}
