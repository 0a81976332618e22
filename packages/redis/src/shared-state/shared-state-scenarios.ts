import type {
  SharedBreakerView,
  SharedRateLimitLimits,
  SharedState,
} from '@resilient-llm/policies';

/** A breaker change as a listener heard it. */
export interface HeardChange {
  readonly key: string;
  readonly view: SharedBreakerView;
}

/**
 * One behaviour every {@link SharedState} must show: `run` drives a fresh state (keys of its
 * own) and returns what it saw, which must equal `expected`; `changes` lists the breaker
 * changes a listener subscribed before `run` hears, in order.
 */
export interface SharedStateScenario {
  readonly name: string;
  readonly run: (shared: SharedState) => Promise<unknown>;
  readonly expected: unknown;
  readonly changes?: readonly HeardChange[];
}

const twoPerSecond: SharedRateLimitLimits = {
  requestsPerWindow: 2,
  tokensPerWindow: Infinity,
  windowMs: 1_000,
  refillMode: 'continuous',
};
const take = { op: 'take', tokens: 0, reserveRequests: 0 } as const;
const closed: SharedBreakerView = { openUntil: 0, probeLeaseUntil: 0 };

/** The behaviours `MemorySharedState` and `redisSharedState` share, as a table. */
export const sharedStateScenarios: readonly SharedStateScenario[] = [
  {
    name: 'grants a fleet no more than the bucket holds, and says how long the next waits',
    run: async (shared) => {
      const results = [];
      for (const now of [0, 0, 0, 500])
        results.push(await shared.rateLimit('rl:a', twoPerSecond, [take], now));
      return results.map(({ granted, waitMs }) => ({ granted, waitMs }));
    },
    expected: [
      { granted: true, waitMs: 0 },
      { granted: true, waitMs: 0 },
      { granted: false, waitMs: 500 },
      { granted: true, waitMs: 0 },
    ],
  },
  {
    name: 'grants ahead within maxWaitMs, in line, and from the last update for a caller whose clock lags',
    run: async (shared) => {
      const ahead = { ...take, maxWaitMs: 2_000 };
      const results = [];
      // Two at once, then three granted ahead 500 ms apart; the last take's clock reads 100 ms
      // before the update the take before it made, so its wait counts from that update.
      for (const now of [1_000, 1_000, 1_000, 1_000, 900])
        results.push(await shared.rateLimit('rl:ahead', twoPerSecond, [ahead], now));
      const refused = await shared.rateLimit('rl:ahead', twoPerSecond, [take], 1_000);
      return [...results, refused].map(({ granted, waitMs }) => ({ granted, waitMs }));
    },
    expected: [
      { granted: true, waitMs: 0 },
      { granted: true, waitMs: 0 },
      { granted: true, waitMs: 500 },
      { granted: true, waitMs: 1_000 },
      { granted: true, waitMs: 1_600 },
      { granted: false, waitMs: 2_000 },
    ],
  },
  {
    name: 'keeps a margin of reserved requests',
    run: async (shared) => {
      const reserve = { ...take, reserveRequests: 1 };
      const first = await shared.rateLimit('rl:a', twoPerSecond, [reserve], 0);
      const second = await shared.rateLimit('rl:a', twoPerSecond, [reserve], 0);
      return [first.granted, second.granted, second.waitMs];
    },
    expected: [true, false, 500],
  },
  {
    name: 'pauses every process on a 429 until the server said, and never shortens a pause',
    run: async (shared) => {
      const pause = (pauseUntil: number) =>
        shared.rateLimit(
          'rl:a',
          twoPerSecond,
          [{ op: 'rate-limited', pauseUntil, learn: false }],
          0,
        );
      await pause(2_000);
      await pause(1_000);
      const { granted, waitMs, state } = await shared.rateLimit('rl:a', twoPerSecond, [take], 100);
      return { granted, waitMs, pausedUntil: state.pausedUntil };
    },
    expected: { granted: false, waitMs: 1_900, pausedUntil: 2_000 },
  },
  {
    name: 'takes tokens, refunds what a call did not use, and learns a lower limit',
    run: async (shared) => {
      const limits = { ...twoPerSecond, requestsPerWindow: 10, tokensPerWindow: 1_000 };
      await shared.rateLimit('rl:a', limits, [{ op: 'take', tokens: 800, reserveRequests: 0 }], 0);
      await shared.rateLimit('rl:a', limits, [{ op: 'refund', requests: 0, tokens: 300 }], 0);
      const observation = { tokens: { limit: 600, remaining: 400, resetMs: 500 } };
      const { state } = await shared.rateLimit('rl:a', limits, [{ op: 'observe', observation }], 0);
      return {
        tokens: [state.tokens.capacity, state.tokens.level],
        requests: state.requests.level,
      };
    },
    expected: { tokens: [600, 400], requests: 9 },
  },
  {
    name: 'learns from a 429 that shows a fixed window to refill only at its resets',
    run: async (shared) => {
      const report = {
        op: 'rate-limited',
        observation: { requests: { limit: 2, remaining: 0, resetMs: 100 } },
        pauseUntil: 0,
        learn: true,
      } as const;
      const { state } = await shared.rateLimit('rl:a', twoPerSecond, [report], 0);
      return [state.requests.refillMode, state.requests.slowUntil];
    },
    expected: ['fixed-window', 100],
  },
  {
    name: 'keeps one key apart from another',
    run: async (shared) => {
      await shared.rateLimit('rl:a', twoPerSecond, [take], 0);
      await shared.rateLimit('rl:a', twoPerSecond, [take], 0);
      return (await shared.rateLimit('rl:b', twoPerSecond, [take], 0)).granted;
    },
    expected: true,
  },
  {
    name: 'reads a breaker nobody opened as closed; closing it changes nothing',
    run: async (shared) => {
      const before = await shared.readBreaker('br:a', 0);
      await shared.closeBreaker('br:a', 0);
      return [before, await shared.leaseProbe('br:a', 500, 0)];
    },
    expected: [closed, false],
    changes: [],
  },
  {
    name: 'opens a breaker for all, leases one probe after the open period, and closes it',
    run: async (shared) => {
      await shared.openBreaker('br:a', 1_000, 0);
      const seen = [
        await shared.leaseProbe('br:a', 1_500, 500),
        await shared.leaseProbe('br:a', 1_500, 1_000),
        await shared.readBreaker('br:a', 1_100),
        await shared.leaseProbe('br:a', 1_600, 1_100),
        // A lease whose holder never came back runs out, and another process may probe.
        await shared.readBreaker('br:a', 1_500),
        await shared.leaseProbe('br:a', 2_000, 1_500),
      ];
      await shared.closeBreaker('br:a', 1_600);
      return [...seen, await shared.readBreaker('br:a', 1_600)];
    },
    expected: [
      false,
      true,
      { openUntil: 1_000, probeLeaseUntil: 1_500 },
      false,
      { openUntil: 1_000, probeLeaseUntil: 0 },
      true,
      closed,
    ],
    changes: [
      { key: 'br:a', view: { openUntil: 1_000, probeLeaseUntil: 0 } },
      { key: 'br:a', view: { openUntil: 1_000, probeLeaseUntil: 1_500 } },
      { key: 'br:a', view: { openUntil: 1_000, probeLeaseUntil: 2_000 } },
      { key: 'br:a', view: closed },
    ],
  },
  {
    name: 'never shortens an open period; a longer one ends the lease',
    run: async (shared) => [
      await shared.openBreaker('br:a', 2_000, 0),
      await shared.openBreaker('br:a', 1_000, 0),
      await shared.leaseProbe('br:a', 2_500, 2_000),
      await shared.openBreaker('br:a', 2_100, 2_050),
      await shared.openBreaker('br:a', 7_000, 2_100),
      await shared.readBreaker('br:a', 2_200),
    ],
    expected: [
      { openUntil: 2_000, probeLeaseUntil: 0 },
      { openUntil: 2_000, probeLeaseUntil: 0 },
      true,
      { openUntil: 2_100, probeLeaseUntil: 0 },
      { openUntil: 7_000, probeLeaseUntil: 0 },
      { openUntil: 7_000, probeLeaseUntil: 0 },
    ],
    changes: [
      { key: 'br:a', view: { openUntil: 2_000, probeLeaseUntil: 0 } },
      { key: 'br:a', view: { openUntil: 2_000, probeLeaseUntil: 2_500 } },
      { key: 'br:a', view: { openUntil: 2_100, probeLeaseUntil: 0 } },
      { key: 'br:a', view: { openUntil: 7_000, probeLeaseUntil: 0 } },
    ],
  },
  {
    name: 'gives the probe lease to exactly one of many callers at once',
    run: async (shared) => {
      await shared.openBreaker('br:a', 1_000, 0);
      const leases = await Promise.all(
        Array.from({ length: 20 }, () => shared.leaseProbe('br:a', 2_000, 1_000)),
      );
      return leases.filter(Boolean).length;
    },
    expected: 1,
    changes: [
      { key: 'br:a', view: { openUntil: 1_000, probeLeaseUntil: 0 } },
      { key: 'br:a', view: { openUntil: 1_000, probeLeaseUntil: 2_000 } },
    ],
  },
  {
    name: 'tells each breaker change with its key; keys stay apart',
    run: async (shared) => {
      await shared.openBreaker('br:a', 1_000, 0);
      await shared.openBreaker('br:b', 3_000, 0);
      await shared.closeBreaker('br:a', 1_500);
      return [await shared.readBreaker('br:a', 1_500), await shared.readBreaker('br:b', 1_500)];
    },
    expected: [closed, { openUntil: 3_000, probeLeaseUntil: 0 }],
    changes: [
      { key: 'br:a', view: { openUntil: 1_000, probeLeaseUntil: 0 } },
      { key: 'br:b', view: { openUntil: 3_000, probeLeaseUntil: 0 } },
      { key: 'br:a', view: closed },
    ],
  },
];
