import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DialectProviderOptions, dialectProvider } from '../../test/dialect-provider';
import { runBurst } from '../../test/run-burst';

const start = Date.UTC(2026, 0, 1);

interface DialectCase {
  readonly name: string;
  readonly provider: DialectProviderOptions;
  readonly calls: number;
  /** Most 429s per success. */
  readonly most429sPerSuccess: number;
  /** Longest time for the burst, as a multiple of what the real limit allows at best. */
  readonly mostTimeOverBest: number;
}

// Nothing configured: every limit is learned from what the provider's headers report.
const cases: readonly DialectCase[] = [
  {
    name: 'OpenAI, a per-second bucket (reset: time until full)',
    provider: { window: 'continuous', requestsPerWindow: 500, windowMs: 1000, dialect: 'openai' },
    calls: 3000,
    most429sPerSuccess: 0.02,
    mostTimeOverBest: 1.25,
  },
  {
    name: 'OpenAI, a per-minute bucket',
    provider: { window: 'continuous', requestsPerWindow: 600, windowMs: 60_000, dialect: 'openai' },
    calls: 1200,
    most429sPerSuccess: 0.02,
    mostTimeOverBest: 1.25,
  },
  {
    name: 'Anthropic, a per-minute bucket (reset: RFC 3339 instant, whole seconds)',
    provider: {
      window: 'continuous',
      requestsPerWindow: 600,
      windowMs: 60_000,
      dialect: 'anthropic',
    },
    calls: 1200,
    most429sPerSuccess: 0.02,
    mostTimeOverBest: 1.25,
  },
  {
    // Resets rounded to whole seconds bound a one-second window only to within a second.
    name: 'Anthropic, a per-second bucket (whole-second resets: within twice the window)',
    provider: {
      window: 'continuous',
      requestsPerWindow: 100,
      windowMs: 1000,
      dialect: 'anthropic',
    },
    calls: 1000,
    most429sPerSuccess: 0.02,
    mostTimeOverBest: 2.1,
  },
  {
    name: 'Azure, a per-minute bucket (x-ms-ratelimit-*, no reset)',
    provider: { window: 'continuous', requestsPerWindow: 300, windowMs: 60_000, dialect: 'azure' },
    calls: 600,
    most429sPerSuccess: 0.02,
    mostTimeOverBest: 1.25,
  },
  {
    name: 'a gateway counting fixed one-second windows (RateLimit-*, reset in seconds)',
    provider: { window: 'fixed', requestsPerWindow: 100, windowMs: 1000, dialect: 'gateway' },
    calls: 1000,
    most429sPerSuccess: 0.02,
    mostTimeOverBest: 1.25,
  },
  {
    name: 'a fixed-window gateway speaking OpenAI headers (reset: end of the window)',
    provider: { window: 'fixed', requestsPerWindow: 100, windowMs: 1000, dialect: 'openai' },
    calls: 1000,
    most429sPerSuccess: 0.02,
    mostTimeOverBest: 1.25,
  },
  {
    name: 'headers that lie: a limit twice the real one',
    provider: {
      window: 'continuous',
      requestsPerWindow: 500,
      windowMs: 1000,
      dialect: 'openai',
      reportedLimit: 1000,
    },
    calls: 3000,
    most429sPerSuccess: 0.02,
    mostTimeOverBest: 1.25,
  },
];

/** The shortest time `calls` can take: a full bucket at once, then the refill rate. */
function bestMs({ provider, calls }: DialectCase): number {
  const { requestsPerWindow, windowMs, window } = provider;
  const afterFirst = Math.max(0, calls - requestsPerWindow);
  return window === 'continuous'
    ? (afterFirst * windowMs) / requestsPerWindow
    : Math.floor(afterFirst / requestsPerWindow) * windowMs;
}

describe('limits learned from the headers of each dialect, nothing configured', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: start });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const dialectCase of cases) {
    it(`${dialectCase.name}: every call succeeds, few 429s, near the real rate`, async () => {
      const provider = dialectProvider('provider', dialectCase.provider);
      const best = bestMs(dialectCase);
      const timeoutMs = Math.max(30_000, best * 3);
      const result = await runBurst(provider, {
        calls: dialectCase.calls,
        rateLimit: { maxWaitMs: timeoutMs },
        timeoutMs,
        stepMs: Math.max(50, Math.ceil(best / 400)),
      });
      expect(result.succeeded).toBe(dialectCase.calls);
      expect(result.refused / result.succeeded).toBeLessThanOrEqual(dialectCase.most429sPerSuccess);
      expect(result.elapsedMs).toBeLessThanOrEqual(best * dialectCase.mostTimeOverBest);
    }, 120_000);
  }
});
