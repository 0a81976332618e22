import { driveClock, startSimulator, systemClock } from '@resilient-llm/simulator';
import { streamText } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { createResilientModel } from '../src/index';
import { openAiApis, requestsTo, simulatedModels } from './simulated-openai';

describe.each(openAiApis)('an idle limit of Infinity over the $api API', ({ api }) => {
  it('sets no timer, so a paced stream runs to its end', async () => {
    // The simulator's pacing, the SDK and the pipeline all run on one fake time: a host timer
    // of Infinity would fire after 1 ms and break the stream between two tokens.
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const simulator = await startSimulator({
      seed: 5,
      models: { paced: { latency: { firstTokenMedianMs: 300, tokensPerSecond: 20 } } },
    });
    try {
      const resilient = createResilientModel({
        models: [simulatedModels(simulator, api)('paced')],
        streamTimeouts: { idleTimeoutMs: Infinity },
      });

      const errors: unknown[] = [];
      const result = streamText({
        model: resilient,
        prompt: 'Tell me a long story.',
        onError: ({ error }) => {
          errors.push(error);
        },
      });
      const stepFakeTime = {
        ...systemClock,
        advance: (ms: number) => vi.advanceTimersByTime(ms),
        pendingTimers: () => vi.getTimerCount(),
      };
      const text = await driveClock(stepFakeTime, Promise.resolve(result.text));

      expect(errors).toEqual([]);
      expect(await result.finishReason).toBe('stop');
      expect(text.split(' ').length).toBeGreaterThan(5);
      // Paced: the answer took many steps of fake time.
      expect(Date.now()).toBeGreaterThan(500);
      expect(requestsTo(simulator, 'paced')).toBe(1);
    } finally {
      vi.useRealTimers();
      await simulator.close();
    }
  });
});
