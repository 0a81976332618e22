import {
  type ManualClock,
  type RunningSimulator,
  type SimulatorConfig,
  startSimulator,
} from '@resilient-llm/simulator';
import OpenAI, { type ClientOptions } from 'openai';

/** A simulator and an `OpenAI` client of it, as one channel of a fallback chain. */
export interface Channel {
  readonly simulator: RunningSimulator;
  readonly client: OpenAI;
}

/** Starts a simulator on `clock` and a client for it whose SDK retries are left at defaults. */
export async function startChannel(
  clock: ManualClock,
  config: SimulatorConfig,
  clientOptions: ClientOptions = {},
): Promise<Channel> {
  const simulator = await startSimulator({ seed: 11, ...config, clock });
  const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test', ...clientOptions });
  return { simulator, client };
}
