import { describe, expect, it } from 'vitest';
import { MemorySharedState } from './memory-shared-state';
import type { SharedRateLimitLimits } from './shared-state';

const limits: SharedRateLimitLimits = {
  requestsPerWindow: 2,
  tokensPerWindow: Infinity,
  windowMs: 1000,
  refillMode: 'continuous',
};
const take = { op: 'take', tokens: 0, reserveRequests: 0 } as const;

describe('MemorySharedState', () => {
  it('grants a fleet no more than the bucket holds, and says how long the next waits', async () => {
    const shared = new MemorySharedState();
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await shared.rateLimit('k', limits, [take], 0));
    expect(results.map((result) => result.granted)).toEqual([true, true, false]);
    expect(results[2]!.waitMs).toBe(500);
    expect((await shared.rateLimit('k', limits, [take], 500)).granted).toBe(true);
  });

  it('keeps a margin of reserved requests', async () => {
    const shared = new MemorySharedState();
    const reserve = { ...take, reserveRequests: 1 };
    expect((await shared.rateLimit('k', limits, [reserve], 0)).granted).toBe(true);
    const refused = await shared.rateLimit('k', limits, [reserve], 0);
    expect(refused).toMatchObject({ granted: false, waitMs: 500 });
  });

  it('pauses every process on a 429 until the server said', async () => {
    const shared = new MemorySharedState();
    const report = { op: 'rate-limited', pauseUntil: 2000, learn: false } as const;
    await shared.rateLimit('k', limits, [report], 0);
    expect(await shared.rateLimit('k', limits, [take], 100)).toMatchObject({
      granted: false,
      waitMs: 1900,
    });
  });

  it('keeps one key apart from another', async () => {
    const shared = new MemorySharedState();
    await shared.rateLimit('a', limits, [take], 0);
    await shared.rateLimit('a', limits, [take], 0);
    expect((await shared.rateLimit('b', limits, [take], 0)).granted).toBe(true);
  });

  it('opens a breaker for all, leases one probe after the open period, and closes it', async () => {
    const shared = new MemorySharedState();
    const changes: unknown[] = [];
    const subscription = shared.onBreakerChange((key, view) => changes.push({ key, view }));
    await shared.openBreaker('b', 1000, 0);
    expect(await shared.leaseProbe('b', 1500, 500)).toBe(false);
    expect(await shared.leaseProbe('b', 1500, 1000)).toBe(true);
    expect(await shared.leaseProbe('b', 1600, 1100)).toBe(false);
    // A lease whose holder never came back runs out, and another process may probe.
    expect(await shared.leaseProbe('b', 2000, 1500)).toBe(true);
    await shared.closeBreaker('b', 1600);
    expect(await shared.readBreaker('b', 1600)).toEqual({ openUntil: 0, probeLeaseUntil: 0 });
    subscription.dispose();
    expect(changes).toHaveLength(4);
  });

  it('never shortens an open period', async () => {
    const shared = new MemorySharedState();
    await shared.openBreaker('b', 2000, 0);
    expect(await shared.openBreaker('b', 1000, 0)).toEqual({ openUntil: 2000, probeLeaseUntil: 0 });
  });
});
