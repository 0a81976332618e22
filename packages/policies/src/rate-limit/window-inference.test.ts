import { describe, expect, it } from 'vitest';
import { WindowInference } from './window-inference';

// Not near a whole second, so that resets read as exact.
const now = 1_234_567;

/** What a continuous bucket of `limit` per `windowMs` reports when it holds `level`. */
function continuousReport(limit: number, windowMs: number, level: number) {
  return { limit, remaining: Math.floor(level), resetMs: ((limit - level) * windowMs) / limit };
}

describe('WindowInference', () => {
  it('infers nothing from one report, then the longest window every report allows', () => {
    const inference = new WindowInference();
    expect(inference.infer(continuousReport(500, 1000, 435.5), Infinity, now)).toBeUndefined();
    const window = inference.infer(continuousReport(500, 1000, 250.2), Infinity, now);
    expect(window).toBeGreaterThanOrEqual(1000);
    expect(window).toBeLessThan(1000 * 1.01);
  });

  it('converges from above, never below the real window, as reports come', () => {
    const inference = new WindowInference();
    let window: number | undefined;
    for (const level of [499.3, 480.9, 300.4, 120.7, 3.2]) {
      const next = inference.infer(continuousReport(500, 60_000, level), Infinity, now);
      if (window !== undefined && next !== undefined) expect(next).toBeLessThanOrEqual(window);
      window = next;
    }
    expect(window).toBeGreaterThanOrEqual(60_000);
    expect(window).toBeLessThan(60_000 * 1.01);
  });

  it('reads a reset rounded to whole seconds as a second wider, in the safe direction', () => {
    const inference = new WindowInference();
    // A per-second bucket of 100, the resets of Anthropic's timestamps rounded up.
    inference.infer({ limit: 100, remaining: 50, resetMs: 1000 }, Infinity, 1_000_000);
    const window = inference.infer(
      { limit: 100, remaining: 10, resetMs: 1000 },
      Infinity,
      2_000_000,
    );
    expect(window).toBeGreaterThanOrEqual(1000);
    expect(window).toBeLessThanOrEqual(2000 * (100 / 89));
  });

  it('recognises a fixed window: less remaining with a sooner reset, and gives its longest reset', () => {
    const inference = new WindowInference();
    inference.infer({ limit: 100, remaining: 99, resetMs: 987 }, Infinity, now);
    expect(inference.showsFixedWindow).toBe(false);
    inference.infer({ limit: 100, remaining: 60, resetMs: 640 }, Infinity, now + 347);
    expect(inference.showsFixedWindow).toBe(true);
    expect(inference.infer({ limit: 100, remaining: 20, resetMs: 210 }, Infinity, now)).toBe(987);
  });

  it('does not take a continuous bucket for a fixed window whatever order reports arrive in', () => {
    const inference = new WindowInference();
    for (const level of [10.5, 480.2, 250.7, 3.1, 499.9, 120.4]) {
      inference.infer(continuousReport(500, 1000, level), Infinity, now);
    }
    expect(inference.showsFixedWindow).toBe(false);
  });

  it('infers nothing from reports no window explains, such as a limit header twice the real one', () => {
    const inference = new WindowInference();
    let window: number | undefined;
    for (const level of [480.5, 250.2, 10.7]) {
      // The real bucket holds 500 per second; the headers claim 1000.
      const real = continuousReport(500, 1000, level);
      window = inference.infer({ ...real, limit: 1000 }, Infinity, now);
    }
    expect(window).toBeUndefined();
    expect(inference.showsFixedWindow).toBe(false);
  });

  it('reads a report without a limit against the capacity, and starts over when the limit changes', () => {
    const inference = new WindowInference();
    inference.infer({ remaining: 400, resetMs: 200.4 }, 500, now);
    expect(inference.infer({ remaining: 100, resetMs: 800.6 }, 500, now)).toBeCloseTo(1000, -1);
    expect(inference.infer({ limit: 50, remaining: 10, resetMs: 800 }, 500, now)).toBeUndefined();
  });
});
