import { createManualClock, driveClock, startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createResilientOpenAI } from '../src/index';
import { createRecordingFetch } from './recording-fetch';

const start = 1_000_000;

describe("a 429's pause with a bulkhead", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('holds the calls queued behind the bulkhead until the requested wait is over', async () => {
    const clock = createManualClock(start);
    // Every request in the first millisecond is answered 429 asking for 1 s.
    const simulator = await startSimulator({
      seed: 3,
      clock,
      defaultModel: {
        faults: [{ type: 'rate-limit', retryAfterMs: 1_000, windows: [{ startMs: 0, endMs: 1 }] }],
      },
    });
    closers.push(() => simulator.close());
    const recorder = createRecordingFetch(clock);
    const client = new OpenAI({
      baseURL: simulator.baseURL,
      apiKey: 'sk-q',
      fetch: recorder.fetch,
    });
    const resilient = createResilientOpenAI({
      targets: [{ client }],
      clock,
      bulkhead: { maxConcurrent: 1, maxQueued: 20 },
      circuitBreaker: false,
    });

    const calls = Array.from({ length: 5 }, (_, index) =>
      resilient.chat.completions.create({
        model: 'gpt-sim',
        messages: [{ role: 'user', content: `question ${index}` }],
      }),
    );
    const answers = await driveClock(clock, Promise.all(calls));

    expect(answers).toHaveLength(5);
    const [first, ...rest] = recorder.exchanges;
    expect(first).toMatchObject({ status: 429, retryAfterMs: 1_000 });
    const pauseEnds = first!.receivedAt! + 1_000;
    for (const exchange of rest) {
      expect(exchange.sentAt).toBeGreaterThanOrEqual(pauseEnds);
      expect(exchange.status).toBe(200);
    }
    expect(simulator.stats().rateLimited).toBe(1);
  });
});
