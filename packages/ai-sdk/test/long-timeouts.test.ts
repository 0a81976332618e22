import {
  driveClock,
  type ManualClock,
  type RunningSimulator,
  startSimulator,
  systemClock,
} from '@resilient-llm/simulator';
import { streamText } from 'ai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createResilientModel, type ResilientLanguageModelOptions } from '../src/index';
import { openAiApis, requestsTo, simulatedModels } from './simulated-openai';

/** Fake time seen as a manual clock, so that `driveClock` steps it between loopback I/O. */
const fakeTime: ManualClock = {
  ...systemClock,
  advance: (ms) => vi.advanceTimersByTime(ms),
  pendingTimers: () => vi.getTimerCount(),
};

describe.each(openAiApis)(
  'time limits beyond the longest host timer, over the $api API',
  ({ api }) => {
    const simulators: RunningSimulator[] = [];
    afterEach(async () => {
      vi.useRealTimers();
      for (const simulator of simulators.splice(0)) await simulator.close();
    });

    // A host timer of any of these would fire after 1 ms: the paced stream would fail.
    it.each<[string, Partial<ResilientLanguageModelOptions>]>([
      ['streamTimeouts.idleTimeoutMs: Infinity', { streamTimeouts: { idleTimeoutMs: Infinity } }],
      [
        'streamTimeouts.firstContentTimeoutMs: 2**31',
        { streamTimeouts: { firstContentTimeoutMs: 2 ** 31 } },
      ],
      ['timeoutMs: 3e9', { timeoutMs: 3e9 }],
    ])('%s lets a paced stream run to its end', async (_name, limits) => {
      // The simulator's pacing, the SDK and the pipeline all run on one fake time.
      vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const simulator = await startSimulator({
        seed: 5,
        models: { paced: { latency: { firstTokenMedianMs: 300, tokensPerSecond: 20 } } },
      });
      simulators.push(simulator);
      const resilient = createResilientModel({
        ...limits,
        models: [simulatedModels(simulator, api)('paced')],
      });

      const result = streamText({ model: resilient, prompt: 'Tell me a long story.' });
      const parts = await driveClock(fakeTime, Array.fromAsync(result.fullStream));

      expect(parts.filter((part) => part.type === 'error')).toEqual([]);
      expect(await result.finishReason).toBe('stop');
      // Paced: the answer took many steps of fake time, far beyond a clamped 1 ms timer.
      expect(parts.filter((part) => part.type === 'text-delta').length).toBeGreaterThan(5);
      expect(Date.now()).toBeGreaterThan(500);
      expect(requestsTo(simulator, 'paced')).toBe(1);
    });
  },
);
