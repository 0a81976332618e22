import {
  type RateLimitKind,
  type RunningSimulator,
  startSimulator,
  yieldToIo,
} from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createResilientOpenAI } from '../src/index';

const calls = 400;
const requestsPerWindow = 100;
const windowMs = 1000;
const bestMs = ((calls - requestsPerWindow) / requestsPerWindow) * windowMs;

/**
 * Settles `pending` on faked timers and `Date`, advanced in small steps while real loopback
 * I/O runs between them; returns how many succeeded.
 */
async function settle(pending: readonly Promise<unknown>[]): Promise<number> {
  let open = pending.length;
  let succeeded = 0;
  for (const call of pending) {
    call.then(
      () => {
        succeeded++;
        open--;
      },
      () => {
        open--;
      },
    );
  }
  for (let step = 0; step < 20_000 && open > 0; step++) {
    await yieldToIo();
    if (open > 0) vi.advanceTimersByTime(5);
  }
  expect(open).toBe(0);
  return succeeded;
}

describe('a burst over HTTP, the real openai SDK against the simulator', () => {
  const simulators: RunningSimulator[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    for (const simulator of simulators.splice(0)) await simulator.close();
  });

  for (const kind of ['token-bucket', 'fixed-window'] as const satisfies RateLimitKind[]) {
    for (const configured of [true, false]) {
      it(`${kind}, ${configured ? 'limit configured' : 'limit learned from the headers'}: every call succeeds, few 429s`, async () => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
        const simulator = await startSimulator({
          seed: 3,
          models: {
            'gpt-sim': {
              rateLimit: { kind, requestsPerWindow, tokensPerWindow: 1_000_000_000, windowMs },
              latency: { firstTokenMedianMs: 20, firstTokenP99Ms: 60 },
            },
          },
        });
        simulators.push(simulator);
        const openai = createResilientOpenAI({
          targets: [{ client: new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-burst' }) }],
          bulkhead: { maxConcurrent: 32, maxQueued: calls },
          rateLimit: configured ? { requestsPerWindow, windowMs } : {},
          circuitBreaker: false,
        });
        const startedAt = Date.now();
        const succeeded = await settle(
          Array.from({ length: calls }, (_, index) =>
            openai.chat.completions.create({
              model: 'gpt-sim',
              messages: [{ role: 'user', content: `Question number ${index}` }],
            }),
          ),
        );
        const elapsedMs = Date.now() - startedAt;
        const { rateLimited } = simulator.stats();
        expect(succeeded).toBe(calls);
        expect(rateLimited / succeeded).toBeLessThanOrEqual(0.05);
        // A full window at once, then one window per hundred: 3 s of simulated time at best.
        expect(elapsedMs).toBeLessThan(bestMs * 2);
      }, 60_000);
    }
  }
});
