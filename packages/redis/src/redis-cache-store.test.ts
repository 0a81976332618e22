import { describeCacheStoreConformance } from '@resilient-llm/test-utils/cache-store-conformance';
import { refusedField } from '@resilient-llm/test-utils/refusal';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { describeWithRedis } from '../test/describe-with-redis';
import { RedisCacheStore } from './redis-cache-store';
import { RedisStateStore } from './redis-state-store';

// The conformance suite is test code of @resilient-llm/cache, not part of its published API,
// so it is imported from the sibling package's source.

let harnesses = 0;

describeWithRedis('RedisCacheStore on a real redis-server', (server) => {
  describeCacheStoreConformance('RedisCacheStore', async () => {
    const client = createClient({ url: server().url });
    client.on('error', () => {});
    await client.connect();
    const keyPrefix = `conformance-${++harnesses}:`;
    return {
      store: new RedisCacheStore({ client, keyPrefix }),
      async remainingTtlMs(key) {
        const remaining = await client.pTTL(keyPrefix + key);
        return remaining === -2 ? undefined : remaining === -1 ? Infinity : remaining;
      },
      close: () => client.close(),
    };
  });

  it('stores under its key prefix, with the expiry on the server', async () => {
    const client = createClient({ url: server().url });
    client.on('error', () => {});
    await client.connect();
    try {
      const store = new RedisCacheStore({ client });
      await store.set('abc', '{"v":1}', { ttlMs: 5_000 });
      expect(await client.get('resilient-llm:cache:abc')).toBe('{"v":1}');
      const remaining = await client.pTTL('resilient-llm:cache:abc');
      expect(remaining).toBeGreaterThan(0);
      expect(remaining).toBeLessThanOrEqual(5_000);
    } finally {
      await client.close();
    }
  });
});

describe('RedisCacheStore options', () => {
  it('rejects a missing client and a bad prefix, naming the field', () => {
    expect(() => new RedisCacheStore({ client: undefined as never })).toThrow(/client/);
    const client = { get: async () => null, set: async () => 'OK', del: async () => 0 };
    expect(() => new RedisCacheStore({ client, keyPrefix: 3 as never })).toThrow(/keyPrefix/);
  });

  it('refuses an unknown key or a client without a method it calls, naming it', () => {
    const client = { get: async () => null, set: async () => 'OK', del: async () => 0 };
    expect(refusedField(() => new RedisCacheStore({ client, prefix: 'a:' } as never))).toBe(
      'prefix',
    );
    expect(() => new RedisCacheStore({ client, prefix: 'a:' } as never)).toThrow(
      'did you mean `keyPrefix`',
    );
    expect(refusedField(() => new RedisStateStore({ client, keyprefix: 'a:' } as never))).toBe(
      'keyprefix',
    );
    expect(
      refusedField(
        () => new RedisCacheStore({ client: { get: client.get, set: client.set } } as never),
      ),
    ).toBe('client.del');
    expect(refusedField(() => new RedisStateStore(null as never))).toBe('options');
  });
});
