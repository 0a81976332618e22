import { CircuitBreakerPolicy, type CircuitBreakerSnapshot } from '@resilient-llm/policies';
import { describeStateStoreConformance } from '@resilient-llm/test-utils/state-store-conformance';
import { createClient } from 'redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis } from '../test/describe-with-redis';
import { RedisStateStore } from './redis-state-store';

// The StateStore conformance suite is test code of @resilient-llm/policies, imported from the
// sibling package's source.

describeWithRedis('RedisStateStore on a real redis-server', (server) => {
  let client: ReturnType<typeof createClient>;
  let stores = 0;

  beforeAll(async () => {
    client = createClient({ url: server().url });
    client.on('error', () => {});
    await client.connect();
  });
  afterAll(() => client.close());

  describeStateStoreConformance(
    'RedisStateStore',
    () => new RedisStateStore({ client, keyPrefix: `state-${++stores}:` }),
  );

  it('reads a value of another version, or not JSON, as no state', async () => {
    const store = new RedisStateStore({ client, keyPrefix: 'odd:' });
    await client.set('odd:a', '{"v":2,"state":{}}');
    await client.set('odd:b', 'not json');
    expect(await store.load('a')).toBeUndefined();
    expect(await store.load('b')).toBeUndefined();
  });

  it('lets a circuit breaker of another process start from the saved state', async () => {
    const options = { strategy: { kind: 'consecutive', threshold: 1 }, key: 'gateway' } as const;
    const first = new CircuitBreakerPolicy({
      ...options,
      store: new RedisStateStore<CircuitBreakerSnapshot>({ client, keyPrefix: 'breakers:' }),
    });
    await first.execute(() => Promise.reject(new Error('overloaded'))).catch(() => {});
    expect(first.isOpen()).toBe(true);
    const saved = new RedisStateStore<CircuitBreakerSnapshot>({ client, keyPrefix: 'breakers:' });
    await expect.poll(() => saved.load('gateway')).toBeDefined();

    const second = new CircuitBreakerPolicy({ ...options, store: saved });
    await second.hydrate();
    expect(second.isOpen()).toBe(true);
  });
});
