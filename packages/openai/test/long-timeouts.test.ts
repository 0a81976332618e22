import {
  createManualClock,
  driveClock,
  type ManualClock,
  type RunningSimulator,
  startSimulator,
  systemClock,
} from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createResilientOpenAI,
  type ResilientOpenAI,
  type ResilientOpenAIOptions,
} from '../src/index';

/** Fake time seen as a manual clock, so that `driveClock` steps it between loopback I/O. */
const fakeTime: ManualClock = {
  ...systemClock,
  advance: (ms) => vi.advanceTimersByTime(ms),
  pendingTimers: () => vi.getTimerCount(),
};

const question = {
  model: 'gpt-sim',
  messages: [{ role: 'user' as const, content: 'Tell me a long story.' }],
  stream: true as const,
};
const pacedModel = { latency: { firstTokenMedianMs: 300, tokensPerSecond: 20 } };

async function readStory(resilient: ResilientOpenAI): Promise<OpenAI.Chat.ChatCompletionChunk[]> {
  const chunks: OpenAI.Chat.ChatCompletionChunk[] = [];
  for await (const chunk of await resilient.chat.completions.create(question)) chunks.push(chunk);
  return chunks;
}

describe('time limits beyond the longest host timer', () => {
  const simulators: RunningSimulator[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    for (const simulator of simulators.splice(0)) await simulator.close();
  });

  async function startPaced(clock?: ManualClock): Promise<OpenAI> {
    const simulator = await startSimulator({ seed: 5, defaultModel: pacedModel, clock });
    simulators.push(simulator);
    return new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test' });
  }

  // A host timer of any of these would fire after 1 ms: the paced stream would fail.
  it.each<[string, Partial<ResilientOpenAIOptions>]>([
    ['streamTimeouts.idleTimeoutMs: Infinity', { streamTimeouts: { idleTimeoutMs: Infinity } }],
    [
      'streamTimeouts.firstContentTimeoutMs: 2**31',
      { streamTimeouts: { firstContentTimeoutMs: 2 ** 31 } },
    ],
    ['timeoutMs: 3e9', { timeoutMs: 3e9 }],
  ])('%s lets a paced stream run to its end', async (_name, limits) => {
    // The simulator's pacing, the SDK and the pipeline all run on one fake time.
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const client = await startPaced();
    const resilient = createResilientOpenAI({ ...limits, targets: [{ client }] });

    const chunks = await driveClock(fakeTime, readStory(resilient));

    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    // Paced: the answer took many steps of fake time, far beyond a clamped 1 ms timer.
    expect(chunks.length).toBeGreaterThan(5);
    expect(Date.now()).toBeGreaterThan(500);
    expect(simulators[0]!.stats().requests).toBe(1);
  });

  it('sets none of them as a host timer the host would clamp (no TimeoutOverflowWarning)', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      // The pipeline on the host's own timers; the simulator paces on its own manual clock.
      const clock = createManualClock(0);
      const client = await startPaced(clock);
      const resilient = createResilientOpenAI({
        timeoutMs: 3e9,
        streamTimeouts: { firstContentTimeoutMs: 2 ** 31, idleTimeoutMs: Infinity },
        targets: [{ client }],
      });
      const chunks = await driveClock(clock, readStory(resilient));
      expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
      // Node delivers warnings on a later turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('TimeoutOverflowWarning');
  });
});
