import {
  createManualClock,
  type ManualClock,
  type RunningSimulator,
  type SimulatorConfig,
  startSimulator,
} from '@resilient-llm/simulator';
import { afterEach } from 'vitest';

/** A simulator started for one test, and the manual clock it runs on. */
export interface SimulatorOfTest {
  readonly simulator: RunningSimulator;
  /** Shared with the pipeline (and the batching window) so that a test drives all of them. */
  readonly clock: ManualClock;
}

/** Options of {@link useSimulator}. */
export interface UseSimulatorOptions {
  /**
   * Where the manual clock starts, in epoch milliseconds. Defaults to 0. Give `testEpochMs`
   * where the `created` time of answers matters: the SDKs read a `created` of 0 as none.
   */
  startMs?: number;
}

/**
 * Starts a fresh simulator per test on 127.0.0.1, on a manual clock and with a fixed seed, and
 * closes it after the test (hung and stalled connections included). Without configured latency
 * or faults the simulator answers at once, so the clock needs driving only by tests that
 * configure them.
 */
export function useSimulator({
  startMs = 0,
}: UseSimulatorOptions = {}): (
  models?: NonNullable<SimulatorConfig['models']>,
) => Promise<SimulatorOfTest> {
  const running: RunningSimulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((simulator) => simulator.close()));
  });
  return async (models = {}) => {
    const clock = createManualClock(startMs);
    const simulator = await startSimulator({ clock, models, seed: 5 });
    running.push(simulator);
    return { simulator, clock };
  };
}
