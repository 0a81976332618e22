import { type RunningSimulator, startSimulator, yieldToIo } from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createResilientOpenAI } from '../src/index';

const requestCount = 100;
const scenario = { scenario: '429-storm', seed: 3 } as const;

interface Tally {
  readonly completed: number;
  readonly rateLimited: number;
  readonly requests: number;
}

/**
 * Runs `calls` to completion on faked timers and `Date`: the SDK's own retry sleeps, the
 * simulator's windows and the pipeline's waits all follow one fake time, advanced in small
 * steps while real loopback I/O runs between them. No test waits on the wall clock.
 */
async function settleOnFakeTime(calls: readonly Promise<unknown>[]): Promise<number> {
  let pending = calls.length;
  let completed = 0;
  for (const call of calls) {
    call.then(
      () => {
        completed++;
        pending--;
      },
      () => {
        pending--;
      },
    );
  }
  for (let step = 0; step < 20_000 && pending > 0; step++) {
    await yieldToIo();
    if (pending > 0) vi.advanceTimersByTime(50);
  }
  expect(pending).toBe(0);
  return completed;
}

function ask(
  client: { chat: { completions: Pick<OpenAI['chat']['completions'], 'create'> } },
  index: number,
) {
  return client.chat.completions.create({
    model: 'gpt-sim',
    messages: [{ role: 'user', content: `Question number ${index}` }],
  });
}

function tally(simulator: RunningSimulator, completed: number): Tally {
  const { rateLimited, requests } = simulator.stats();
  return { completed, rateLimited, requests };
}

describe('side by side on one 429 storm', () => {
  const simulators: RunningSimulator[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    for (const simulator of simulators.splice(0)) await simulator.close();
  });

  it('completes more requests with fewer 429s than the plain SDK with its default retries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

    const plainSimulator = await startSimulator(scenario);
    simulators.push(plainSimulator);
    const plain = new OpenAI({
      baseURL: plainSimulator.baseURL,
      apiKey: 'sk-side',
      logLevel: 'off',
    });
    const plainCompleted = await settleOnFakeTime(
      Array.from({ length: requestCount }, (_, index) => ask(plain, index)),
    );
    const plainTally = tally(plainSimulator, plainCompleted);

    const resilientSimulator = await startSimulator(scenario);
    simulators.push(resilientSimulator);
    const resilient = createResilientOpenAI({
      targets: [{ client: new OpenAI({ baseURL: resilientSimulator.baseURL, apiKey: 'sk-side' }) }],
      // The scenario's window; a queue of a hundred may wait several of them.
      rateLimit: { windowMs: 10_000, maxWaitMs: 120_000 },
      retry: { maxAttempts: 5 },
    });
    const resilientCompleted = await settleOnFakeTime(
      Array.from({ length: requestCount }, (_, index) => ask(resilient, index)),
    );
    const resilientTally = tally(resilientSimulator, resilientCompleted);

    expect(resilientTally.completed).toBeGreaterThan(plainTally.completed);
    expect(resilientTally.completed).toBe(requestCount);
    expect(resilientTally.rateLimited).toBeLessThan(plainTally.rateLimited);
  });
});
