import { describe, expect, it } from 'vitest';
import { JitterReserve, maximumReserveShare } from './jitter-reserve';

describe('JitterReserve', () => {
  it('keeps nothing back until a 429, then doubles once per wave of 429s', () => {
    const reserve = new JitterReserve();
    expect(reserve.requests(500)).toBe(0);
    reserve.onRateLimited(500);
    // The rest of the same wave: nothing was granted in between.
    reserve.onRateLimited(500);
    reserve.onRateLimited(500);
    expect(reserve.requests(500)).toBe(1);
    reserve.onGrant(500);
    reserve.onRateLimited(500);
    expect(reserve.requests(500)).toBe(2);
    reserve.onGrant(500);
    reserve.onRateLimited(500);
    expect(reserve.requests(500)).toBe(4);
  });

  it(`never keeps back more than ${maximumReserveShare} of the capacity`, () => {
    const reserve = new JitterReserve();
    for (let wave = 0; wave < 20; wave++) {
      reserve.onGrant(10);
      reserve.onRateLimited(10);
    }
    expect(reserve.requests(10)).toBe(5);
    expect(reserve.requests(4)).toBe(2);
  });

  it('gives one request back per tenth of the capacity (at least ten) granted without a 429', () => {
    const reserve = new JitterReserve();
    for (let wave = 0; wave < 3; wave++) {
      reserve.onGrant(100);
      reserve.onRateLimited(100);
    }
    expect(reserve.requests(100)).toBe(4);
    for (let grant = 0; grant < 9; grant++) reserve.onGrant(100);
    expect(reserve.requests(100)).toBe(4);
    reserve.onGrant(100);
    expect(reserve.requests(100)).toBe(3);
    for (let grant = 0; grant < 30; grant++) reserve.onGrant(100);
    expect(reserve.requests(100)).toBe(0);
  });
});
