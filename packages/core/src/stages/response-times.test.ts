import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResponseTimes } from './response-times';

describe('ResponseTimes', () => {
  it('reports 0 before the first response', () => {
    expect(new ResponseTimes().estimateMs()).toBe(0);
  });

  it('reports the nearest-rank percentile of the kept times', () => {
    const times = new ResponseTimes(10, 0.9);
    for (const ms of [50, 10, 40, 30, 20, 100, 60, 70, 80, 90]) times.record(ms);
    expect(times.estimateMs()).toBe(90);
  });

  it('forgets the oldest times once full, so a slow spell passes', () => {
    const times = new ResponseTimes(4, 1);
    for (const ms of [5000, 40, 40, 40]) times.record(ms);
    expect(times.estimateMs()).toBe(5000);
    times.record(50);
    expect(times.estimateMs()).toBe(50);
  });

  it('ignores durations that are not real times', () => {
    const times = new ResponseTimes();
    times.record(Number.NaN);
    times.record(-1);
    times.record(Infinity);
    expect(times.estimateMs()).toBe(0);
  });
});

describe('ResponseTimes against a sort of the kept times', () => {
  it('reports what sorting the last `capacity` times gives, after every record', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 60 }),
        (capacity, quantile, durations) => {
          const times = new ResponseTimes(capacity, quantile);
          durations.forEach((durationMs, index) => {
            times.record(durationMs);
            const kept = durations.slice(Math.max(0, index + 1 - capacity), index + 1);
            const sorted = [...kept].sort((a, b) => a - b);
            expect(times.estimateMs()).toBe(sorted[Math.ceil(quantile * sorted.length) - 1]);
          });
        },
      ),
    );
  });
});
