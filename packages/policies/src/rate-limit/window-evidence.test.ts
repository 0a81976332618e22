import { describe, expect, it } from 'vitest';
import { showsFixedWindow } from './window-evidence';

describe('showsFixedWindow', () => {
  it('reads a reset shorter than a continuous bucket needs as a fixed window ending', () => {
    // 20 per second: a continuous bucket that refused holds < 1, and needs > 950 ms to be whole.
    expect(showsFixedWindow({ limit: 20, remaining: 0, resetMs: 800 }, 20, 1000)).toBe(true);
    expect(showsFixedWindow({ limit: 20, remaining: 0, resetMs: 960 }, 20, 1000)).toBe(false);
  });

  it('allows for rounded resets', () => {
    expect(showsFixedWindow({ limit: 20, remaining: 0, resetMs: 940 }, 20, 1000)).toBe(false);
  });

  it('counts what remains: a token refusal with tokens left needs less time to fill', () => {
    expect(showsFixedWindow({ limit: 1000, remaining: 400, resetMs: 560 }, 1000, 60_000)).toBe(
      true,
    );
    expect(showsFixedWindow({ limit: 1000, remaining: 400, resetMs: 36_000 }, 1000, 60_000)).toBe(
      false,
    );
  });

  it('uses the configured capacity when the report names no limit, and knows nothing without one', () => {
    expect(showsFixedWindow({ remaining: 0, resetMs: 100 }, 20, 1000)).toBe(true);
    expect(showsFixedWindow({ remaining: 0, resetMs: 100 }, Infinity, 1000)).toBe(false);
    expect(showsFixedWindow({ limit: 20, remaining: 0 }, 20, 1000)).toBe(false);
    expect(showsFixedWindow(undefined, 20, 1000)).toBe(false);
  });
});
