import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { describeWithRedis } from '../../test/describe-with-redis';
import { storedNumbersPattern } from '../../test/stored-numbers';
import { redisSharedState } from './redis-shared-state';

const newClient = (url: string) => createClient({ url });
type Client = ReturnType<typeof newClient>;

const limits = {
  requestsPerWindow: 30,
  tokensPerWindow: Infinity,
  windowMs: 1_000,
  refillMode: 'continuous',
} as const;
const take = { op: 'take', tokens: 0, reserveRequests: 0 } as const;
const startMs = 1_764_000_000_000;

/** Calls per command since the last `CONFIG RESETSTAT`, from `INFO commandstats`. */
async function commandCalls(observer: Client): Promise<Record<string, number>> {
  const info = await observer.info('commandstats');
  const calls: Record<string, number> = {};
  for (const [, command, count] of info.matchAll(/^cmdstat_(\S+):calls=(\d+)/gm)) {
    calls[command!] = Number(count);
  }
  delete calls.info;
  delete calls['config|resetstat'];
  return calls;
}

describeWithRedis('redisSharedState on a real redis-server', (server) => {
  const clients: Client[] = [];
  let observer: Client;

  async function connectedClient(): Promise<Client> {
    const client = newClient(server().url);
    client.on('error', () => {});
    await client.connect();
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    observer = await connectedClient();
  });
  afterEach(async () => {
    await observer.flushAll();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
  });

  it('never grants more than the bucket holds to many concurrent takes from several clients', async () => {
    const states = await Promise.all(
      Array.from({ length: 4 }, async () =>
        redisSharedState({ client: await connectedClient(), keyPrefix: 'fleet:' }),
      ),
    );
    const results = await Promise.all(
      states.flatMap((shared) =>
        Array.from({ length: 25 }, () => shared.rateLimit('rate-limit:a', limits, [take], startMs)),
      ),
    );
    expect(results.filter((result) => result.granted)).toHaveLength(30);
    expect(results.filter((result) => !result.granted)[0]?.waitMs).toBeCloseTo(1_000 / 30);
  });

  it('sends one EVALSHA per permit, the script loaded once however many calls wait for it', async () => {
    const shared = redisSharedState({ client: await connectedClient(), keyPrefix: 'count:' });
    await observer.configResetStat();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        shared.rateLimit('rate-limit:a', limits, [take], startMs + i),
      ),
    );
    for (let i = 20; i < 40; i++)
      await shared.rateLimit('rate-limit:a', limits, [take], startMs + i);
    // GET and SET are the script's own, run inside Redis.
    expect(await commandCalls(observer)).toEqual({
      evalsha: 40,
      'script|load': 1,
      get: 40,
      set: 40,
    });
  });

  it('loads the script again after SCRIPT FLUSH (a restarted Redis), keeping the state', async () => {
    const shared = redisSharedState({ client: await connectedClient(), keyPrefix: 'flush:' });
    const small = { ...limits, requestsPerWindow: 2 };
    expect((await shared.rateLimit('rate-limit:a', small, [take], startMs)).granted).toBe(true);
    await observer.scriptFlush();
    await observer.configResetStat();
    expect((await shared.rateLimit('rate-limit:a', small, [take], startMs)).granted).toBe(true);
    expect((await shared.rateLimit('rate-limit:a', small, [take], startMs)).granted).toBe(false);
    // The NOSCRIPT answer, the load, the call again, then one EVALSHA.
    expect(await commandCalls(observer)).toEqual({ evalsha: 3, 'script|load': 1, get: 2, set: 2 });
  });

  it('keys are the prefix and the key given, values hold numbers only, and every key expires', async () => {
    const shared = redisSharedState({ client: await connectedClient(), keyPrefix: 'app:' });
    const report = {
      op: 'rate-limited',
      observation: { requests: { limit: 10, remaining: 0, resetMs: 2_500 } },
      pauseUntil: startMs + 600_000,
      learn: true,
    } as const;
    await shared.rateLimit('rate-limit:gpt', limits, [take], startMs);
    await shared.rateLimit('rate-limit:claude', limits, [report], startMs);
    const endless = { op: 'rate-limited', pauseUntil: Infinity, learn: false } as const;
    await shared.rateLimit('rate-limit:paused', limits, [endless], startMs);
    await shared.openBreaker('breaker:gpt', startMs + 5_000, startMs);
    await shared.leaseProbe('breaker:gpt', startMs + 6_000, startMs + 5_000);

    expect((await observer.keys('*')).sort()).toEqual([
      'app:breaker:gpt',
      'app:rate-limit:claude',
      'app:rate-limit:gpt',
      'app:rate-limit:paused',
    ]);
    for (const key of await observer.keys('*')) {
      expect(await observer.get(key)).toMatch(storedNumbersPattern);
    }
    // A minute at least; a pause of 10 min plus three windows; a lease (1 s left) plus 10 min.
    expect(await observer.pTTL('app:rate-limit:gpt')).toBeGreaterThan(59_000);
    expect(await observer.pTTL('app:rate-limit:gpt')).toBeLessThanOrEqual(60_000);
    expect(await observer.pTTL('app:rate-limit:claude')).toBeGreaterThan(602_000);
    expect(await observer.pTTL('app:rate-limit:claude')).toBeLessThanOrEqual(603_000);
    // An endless pause: seven days, the longest a key lives.
    expect(await observer.pTTL('app:rate-limit:paused')).toBeGreaterThan(7 * 86_400_000 - 1_000);
    expect(await observer.pTTL('app:rate-limit:paused')).toBeLessThanOrEqual(7 * 86_400_000);
    expect(await observer.pTTL('app:breaker:gpt')).toBeGreaterThan(600_000);
    expect(await observer.pTTL('app:breaker:gpt')).toBeLessThanOrEqual(601_000);
  });

  it('reads a stored value of another layout as no state', async () => {
    const shared = redisSharedState({ client: await connectedClient(), keyPrefix: 'odd:' });
    const small = { ...limits, requestsPerWindow: 1 };
    await observer.set('odd:rate-limit:a', '0 0 0');
    await observer.set('odd:breaker:a', 'open');
    const result = await shared.rateLimit('rate-limit:a', small, [take], startMs);
    expect(result).toMatchObject({ granted: true, state: { requests: { level: 0 } } });
    expect(await shared.readBreaker('breaker:a', startMs)).toEqual({
      openUntil: 0,
      probeLeaseUntil: 0,
    });
  });

  it('gives the probe lease to exactly one process of a fleet', async () => {
    const states = await Promise.all(
      Array.from({ length: 5 }, async () =>
        redisSharedState({ client: await connectedClient(), keyPrefix: 'lease:' }),
      ),
    );
    await states[0]!.openBreaker('breaker:a', startMs + 1_000, startMs);
    const leases = await Promise.all(
      states.flatMap((shared) =>
        Array.from({ length: 10 }, () =>
          shared.leaseProbe('breaker:a', startMs + 2_000, startMs + 1_000),
        ),
      ),
    );
    expect(leases.filter(Boolean)).toHaveLength(1);
  });

  it('tells every process of a change, on one subscription that close() ends', async () => {
    const opener = redisSharedState({ client: await connectedClient(), keyPrefix: 'pubsub:' });
    const listener = redisSharedState({ client: await connectedClient(), keyPrefix: 'pubsub:' });
    const other = redisSharedState({ client: await connectedClient(), keyPrefix: 'elsewhere:' });
    const heard: unknown[] = [];
    const first = await listener.onBreakerChange((key, view) => heard.push({ key, view }));
    const second = await listener.onBreakerChange((key) => heard.push(key));
    expect(await observer.pubSubNumSub('pubsub:breaker-changes')).toEqual({
      'pubsub:breaker-changes': 1,
    });

    await other.openBreaker('breaker:a', startMs + 9_000, startMs);
    await opener.openBreaker('breaker:a', startMs + 1_000, startMs);
    await vi.waitFor(() => expect(heard).toHaveLength(2));
    expect(heard).toEqual([
      { key: 'breaker:a', view: { openUntil: startMs + 1_000, probeLeaseUntil: 0 } },
      'breaker:a',
    ]);

    second.dispose();
    await opener.closeBreaker('breaker:a', startMs + 2_000);
    await vi.waitFor(() => expect(heard).toHaveLength(3));
    expect(heard[2]).toEqual({ key: 'breaker:a', view: { openUntil: 0, probeLeaseUntil: 0 } });

    // close() ends the subscription and forgets `first`; a later listener subscribes again.
    await listener.close();
    expect(await observer.pubSubNumSub('pubsub:breaker-changes')).toEqual({
      'pubsub:breaker-changes': 0,
    });
    const again = await listener.onBreakerChange((key) => heard.push(`again: ${key}`));
    await opener.openBreaker('breaker:b', startMs + 1_000, startMs);
    await vi.waitFor(() => expect(heard).toHaveLength(4));
    expect(heard[3]).toBe('again: breaker:b');
    again.dispose();
    first.dispose();
    await listener.close();
  });
});
