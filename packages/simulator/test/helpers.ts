import OpenAI from 'openai';
import { afterEach } from 'vitest';
import { type RunningSimulator, type SimulatorConfig, startSimulator } from '../src/index';

const running: RunningSimulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

/** Starts a simulator closed after the test. */
export async function startForTest(config: SimulatorConfig = {}): Promise<RunningSimulator> {
  const simulator = await startSimulator(config);
  running.push(simulator);
  return simulator;
}

/** The real OpenAI SDK pointed at the simulator, with its own retries off. */
export function openAIClient(simulator: RunningSimulator, apiKey = 'sk-test'): OpenAI {
  return new OpenAI({ baseURL: simulator.baseURL, apiKey, maxRetries: 0 });
}

/** Raw POST for header checks. */
export function post(
  simulator: RunningSimulator,
  path: string,
  body: unknown,
  apiKey = 'sk-test',
): Promise<Response> {
  return fetch(`${simulator.baseURL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(body),
  });
}
