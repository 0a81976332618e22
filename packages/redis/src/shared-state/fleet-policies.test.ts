import {
  BrokenCircuitError,
  CircuitBreakerPolicy,
  SharedRateLimiter,
  type SharedState,
} from '@resilient-llm/policies';
import { createManualClock } from '@resilient-llm/simulator';
import { createClient } from 'redis';
import { afterAll, expect, it, vi } from 'vitest';
import { describeWithRedis } from '../../test/describe-with-redis';
import { redisSharedState } from './redis-shared-state';

// The policies of two processes, each with its own connection, sharing state on one
// redis-server. Time is a manual clock: it moves only when the test says.

const startMs = 1_764_000_000_000;
const newClient = (url: string) => createClient({ url });
type Client = ReturnType<typeof newClient>;

describeWithRedis('policies of a fleet sharing state on Redis', (server) => {
  const opened: { client: Client; shared: SharedState }[] = [];

  async function connectedClient(): Promise<Client> {
    const client = newClient(server().url);
    client.on('error', () => {});
    await client.connect();
    return client;
  }

  /** The shared state of one more process of the fleet `fleet`, on a connection of its own. */
  async function processState(fleet: string): Promise<SharedState> {
    const client = await connectedClient();
    const shared = redisSharedState({ client, keyPrefix: `${fleet}:` });
    opened.push({ client, shared });
    return shared;
  }

  afterAll(async () => {
    for (const { client, shared } of opened) {
      await shared.close?.();
      client.destroy();
    }
  });

  it('grants two processes together no more than one bucket, then what it drips back', async () => {
    const clock = createManualClock(startMs);
    const limiters = await Promise.all(
      [0, 1].map(
        async () =>
          new SharedRateLimiter({
            requestsPerWindow: 5,
            windowMs: 1_000,
            windowKind: 'continuous',
            clock,
            shared: { state: await processState('limits'), key: 'rate-limit:gpt' },
          }),
      ),
    );
    const granted: number[] = [];
    for (const [process, limiter] of limiters.entries()) {
      for (let i = 0; i < 5; i++) {
        void limiter.acquire().then((permit) => {
          granted.push(process);
          permit.settle(0);
        });
      }
    }
    // Five granted at once, the other five granted ahead by the fleet, each waiting on a timer
    // for its turn in the refill (processes granting on their own would have granted ten).
    await vi.waitFor(() => expect([granted.length, clock.pendingTimers()]).toEqual([5, 5]));

    // The bucket drips one request back every 200 ms, for the whole fleet (each permit granted
    // ahead handed 25 ms after its time: the margin for arrival jitter).
    clock.advance(225);
    await vi.waitFor(() => expect(granted).toHaveLength(6));
    clock.advance(800);
    await vi.waitFor(() => expect(granted).toHaveLength(10));
    expect(new Set(granted)).toEqual(new Set([0, 1]));
  });

  it('opens a breaker in every process when it opens in one, and lets one probe', async () => {
    const clock = createManualClock(startMs);
    const breakers = await Promise.all(
      [0, 1].map(
        async () =>
          new CircuitBreakerPolicy({
            strategy: { kind: 'consecutive', threshold: 1 },
            halfOpenAfterMs: 1_000,
            clock,
            shared: { state: await processState('breakers'), key: 'circuit-breaker:gpt' },
          }),
      ),
    );
    const [a, b] = breakers as [CircuitBreakerPolicy, CircuitBreakerPolicy];
    // Both listen to the fleet's changes once their subscriptions are live.
    const observer = await connectedClient();
    await vi.waitFor(async () =>
      expect(await observer.pubSubNumSub('breakers:breaker-changes')).toEqual({
        'breakers:breaker-changes': 2,
      }),
    );
    observer.destroy();
    await expect(a.execute(() => Promise.reject(new Error('server')))).rejects.toThrow('server');
    // b hears of it from the fleet's published change, without a call of its own.
    await vi.waitFor(() => expect(b.state).toBe('open'));
    const call = vi.fn(() => Promise.resolve('ok'));
    await expect(b.execute(call)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(call).not.toHaveBeenCalled();

    clock.advance(1_000);
    // Both try at once; the probe stays in flight until the test lets it answer.
    let answer!: (value: string) => void;
    const probe = vi.fn(() => new Promise<string>((resolve) => (answer = resolve)));
    const tries = breakers.map((breaker) => breaker.execute(probe));
    const refused = await Promise.race(tries.map((attempt) => attempt.catch((error) => error)));
    expect(refused).toBeInstanceOf(BrokenCircuitError);
    expect(probe).toHaveBeenCalledTimes(1);
    answer('ok');
    expect((await Promise.allSettled(tries)).map((tried) => tried.status).sort()).toEqual([
      'fulfilled',
      'rejected',
    ]);
    await vi.waitFor(() =>
      expect(breakers.map((breaker) => breaker.state)).toEqual(['closed', 'closed']),
    );
  });
});
