import { createManualClock, driveClock, startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createResilientOpenAI } from '../src/index';
import { createRecordingFetch } from './recording-fetch';

const start = 500_000;

describe('headers and usage of successful responses feed the limiter', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function setUp(
    rateLimit: { requestsPerWindow?: number; tokensPerWindow?: number },
    localLimits: { tokensPerWindow?: number } = {},
    firstTokenMedianMs = 0,
  ) {
    const clock = createManualClock(start);
    const simulator = await startSimulator({
      clock,
      models: {
        'gpt-sim': {
          rateLimit: { ...rateLimit, windowMs: 10_000 },
          latency: { firstTokenMedianMs },
        },
      },
    });
    closers.push(() => simulator.close());
    const recorder = createRecordingFetch(clock);
    const client = new OpenAI({
      baseURL: simulator.baseURL,
      apiKey: 'sk-pace',
      fetch: recorder.fetch,
    });
    const resilient = createResilientOpenAI({
      clock,
      targets: [{ client }],
      rateLimit: { ...localLimits, windowMs: 10_000, maxWaitMs: 60_000 },
    });
    return { clock, simulator, recorder, resilient };
  }

  it('lets a burst through only as far as the remaining count the last answer reported', async () => {
    const { clock, simulator, recorder, resilient } = await setUp({ requestsPerWindow: 3 });
    const ask = (content: string) =>
      resilient.chat.completions.create({
        model: 'gpt-sim',
        messages: [{ role: 'user', content }],
      });
    await driveClock(clock, ask('first'));
    const answers = await driveClock(
      clock,
      Promise.all(Array.from({ length: 5 }, (_, index) => ask(`then ${index}`))),
    );
    expect(answers).toHaveLength(5);
    // The first answer said 2 requests remain in the window: only 2 of the 5 left at once.
    const burst = recorder.exchanges.filter((exchange) => exchange.sentAt === start);
    expect(burst).toHaveLength(1 + 2);
    expect(burst.every((exchange) => exchange.status === 200)).toBe(true);
    expect(simulator.stats().byStatus['200']).toBe(6);
  });

  it('reserves the estimated tokens of each request against the token limit', async () => {
    // Answers take 1 s, so the burst below leaves before any of its answers is back.
    const { clock, recorder, resilient } = await setUp(
      { tokensPerWindow: 1_000 },
      { tokensPerWindow: 1_000 },
      1_000,
    );
    const answers = await driveClock(
      clock,
      Promise.all(
        Array.from({ length: 4 }, (_, index) =>
          resilient.chat.completions.create({
            model: 'gpt-sim',
            messages: [{ role: 'user', content: `then ${index}` }],
            max_tokens: 300,
          }),
        ),
      ),
    );
    expect(answers).toHaveLength(4);
    // Each call reserves its prompt plus max_tokens (302 tokens, as the simulator counts
    // them) out of 1,000 per window: 3 of the 4 left at once, the fourth waited.
    const burst = recorder.exchanges.filter((exchange) => exchange.sentAt === start);
    expect(burst).toHaveLength(3);
    expect(burst.every((exchange) => exchange.status === 200)).toBe(true);
  });
});
