import type { FaultPlanner } from './fault-planner';
import { createResolvedFaultPlanner } from './fault-planner';
import type { FaultProfileInput } from './fault-profile';
import { resolveFaultProfile } from './resolve-fault-profile';

/**
 * A planner drawing the faults of successive calls from a profile and its seed; the same seed
 * gives the same faults call by call. Useful to check fault frequencies without any I/O.
 */
export function createFaultPlanner(profile: FaultProfileInput): FaultPlanner {
  const { model, seed } = resolveFaultProfile(profile);
  return createResolvedFaultPlanner(model, seed);
}
