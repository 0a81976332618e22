import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dialectProvider } from '../../test/dialect-provider';
import { runBurst } from '../../test/run-burst';

const start = Date.UTC(2026, 0, 1);

describe('a burst of 5,000 calls at once against a 500/s continuous bucket', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: start });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const [name, rateLimit] of [
    ['with the limit configured', { requestsPerWindow: 500, windowMs: 1000 }],
    ['learning the limit from the headers', {}],
  ] as const) {
    for (const sendJitterMs of [5, 50]) {
      it(`${name}, ${sendJitterMs} ms of send jitter: every call succeeds, at most 0.02 429s per success, near capacity`, async () => {
        const provider = dialectProvider('bucket', {
          window: 'continuous',
          requestsPerWindow: 500,
          windowMs: 1000,
          dialect: 'openai',
          sendJitterMs,
          serverMs: 20,
        });
        const result = await runBurst(provider, { calls: 5000, rateLimit, timeoutMs: 60_000 });
        expect(result.succeeded).toBe(5000);
        expect(result.refused / result.succeeded).toBeLessThanOrEqual(0.02);
        // 500 at once, then 4,500 at 500/s: 9 s at best.
        expect(result.elapsedMs).toBeLessThan(9000 * 1.25);
      }, 60_000);
    }
  }
});
