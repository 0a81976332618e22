import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../time/clock';
import { maxPendingReports, PendingReports, type SharedRateLimitReport } from './pending-reports';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const observe = { op: 'observe', observation: { requests: { remaining: 3 } } } as const;

describe('PendingReports', () => {
  it('sums refunds in a row, keeps the order, and hands them to the next command', () => {
    const sent: SharedRateLimitReport[][] = [];
    const reports = new PendingReports(
      (batch) => sent.push(batch),
      () => 250,
      systemClock,
    );
    reports.add({ op: 'refund', requests: 1, tokens: 10 });
    reports.add({ op: 'refund', requests: 0, tokens: -4 });
    reports.add(observe);
    expect(reports.take()).toEqual([{ op: 'refund', requests: 1, tokens: 6 }, observe]);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends them on their own after the delay when no command takes them', () => {
    const sent: SharedRateLimitReport[][] = [];
    const reports = new PendingReports(
      (batch) => sent.push(batch),
      () => 250,
      systemClock,
    );
    reports.add(observe);
    vi.advanceTimersByTime(249);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([[observe]]);
    expect(reports.length).toBe(0);
  });

  it(`sends them at once when ${maxPendingReports} are held`, () => {
    const sent: SharedRateLimitReport[][] = [];
    const reports = new PendingReports(
      (batch) => sent.push(batch),
      () => 250,
      systemClock,
    );
    for (let i = 0; i < maxPendingReports; i++) reports.add(observe);
    expect(sent.map((batch) => batch.length)).toEqual([maxPendingReports]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
