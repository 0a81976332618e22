import { describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../src/index';
import { openAIClient, startForTest } from './helpers';

describe('stats()', () => {
  it('counts requests, tokens and peak concurrency per key and per model, and resets', async () => {
    const clock = createManualClock();
    const simulator = await startForTest({
      clock,
      models: { slow: { latency: { firstTokenMedianMs: 100 } }, fast: {} },
    });
    const messages = [{ role: 'user' as const, content: 'abcd' }];
    const alice = openAIClient(simulator, 'alice');
    const bob = openAIClient(simulator, 'bob');
    const pending = [
      ...Array.from({ length: 3 }, () =>
        alice.chat.completions.create({ model: 'slow', messages }),
      ),
      bob.chat.completions.create({ model: 'slow', messages }),
    ];
    await vi.waitFor(() => expect(simulator.stats().inFlight).toBe(4), { timeout: 5000 });
    clock.advance(100);
    await Promise.all(pending);
    await bob.chat.completions.create({ model: 'fast', messages });
    await vi.waitFor(() => expect(simulator.stats().inFlight).toBe(0), { timeout: 5000 });

    const stats = simulator.stats();
    expect(stats).toMatchObject({
      requests: 5,
      byStatus: { '200': 5 },
      rateLimited: 0,
      promptTokens: 5,
      completionTokens: 80,
      peakConcurrency: 4,
    });
    expect(stats.byKey.alice).toMatchObject({ requests: 3, peakConcurrency: 3 });
    expect(stats.byKey.bob).toMatchObject({ requests: 2, peakConcurrency: 1 });
    expect(stats.byModel.slow).toMatchObject({ requests: 4, peakConcurrency: 4 });
    expect(stats.byModel.fast).toMatchObject({ requests: 1, completionTokens: 16 });

    simulator.resetStats();
    expect(simulator.stats()).toMatchObject({
      requests: 0,
      byStatus: {},
      byKey: {},
      peakConcurrency: 0,
    });
  });
});
