import {
  createManualClock,
  type ManualClock,
  type RunningSimulator,
  type SimulatorConfig,
  startSimulator,
} from '@resilient-llm/simulator';
import { afterEach } from 'vitest';

/**
 * Starts a fresh simulator per test on a manual clock shared with the pipeline and the
 * batching window, and closes it after the test.
 */
export function useSimulator(): (
  models?: NonNullable<SimulatorConfig['models']>,
) => Promise<{ simulator: RunningSimulator; clock: ManualClock }> {
  const running: RunningSimulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((simulator) => simulator.close()));
  });
  return async (models = {}) => {
    const clock = createManualClock(0);
    const simulator = await startSimulator({ clock, models, seed: 5 });
    running.push(simulator);
    return { simulator, clock };
  };
}
