import type { FaultPlan } from '../faults/fault-plan';
import type { Exchange } from './admit-request';
import { recordFaults } from './stats-recorder';

const STREAM_ONLY = new Set(['stall', 'drop', 'malformed-chunk']);

/**
 * Draws the faults of an admitted request. Stream faults apply only to streams; for other
 * requests they are dropped from the plan and not counted.
 */
export function drawFaults(exchange: Exchange, streaming: boolean): FaultPlan {
  const { state, runtime } = exchange;
  const drawn = runtime.planner.plan(state.clock.now() - state.startedAt);
  const plan: FaultPlan = streaming
    ? drawn
    : {
        ...drawn,
        stall: undefined,
        drop: undefined,
        malformed: undefined,
        fired: drawn.fired.filter((type) => !STREAM_ONLY.has(type)),
      };
  recordFaults(exchange.slices, plan.fired);
  return plan;
}
