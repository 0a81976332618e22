import { describe, expect, it, vi } from 'vitest';
import { describeWithRedis } from '../test/describe-with-redis';
import { freePort } from '../test/redis-server';
import { createRedisClient } from './create-redis-client';

// A command that waited for a reconnect would never settle here: the tests would time out.

describeWithRedis('createRedisClient against a redis-server that dies', (server) => {
  it('connects by itself; once Redis is gone a command fails at once instead of queueing', async () => {
    const errors: unknown[] = [];
    const client = createRedisClient({ url: server().url, onError: (error) => errors.push(error) });
    try {
      await vi.waitFor(() => expect(client.isReady).toBe(true));
      await client.set('greeting', 'hello');
      expect(await client.get('greeting')).toBe('hello');

      await server().kill();
      await vi.waitFor(() => expect(client.isReady).toBe(false));

      await expect(client.get('greeting')).rejects.toThrow('The client is offline');
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      client.destroy();
    }
  });
});

describe('createRedisClient', () => {
  it('returns at once when Redis is not there, and its commands fail at once', async () => {
    const client = createRedisClient({ url: `redis://127.0.0.1:${await freePort()}` });
    try {
      expect(client.options?.disableOfflineQueue).toBe(true);
      await expect(client.get('anything')).rejects.toThrow('The client is offline');
    } finally {
      client.destroy();
    }
  });

  it('lets every option given win over its defaults', () => {
    const client = createRedisClient({
      url: 'redis://127.0.0.1:1',
      disableOfflineQueue: false,
      socket: { connectTimeout: 5 },
    });
    try {
      expect(client.options?.disableOfflineQueue).toBe(false);
      expect(client.options?.socket).toMatchObject({ connectTimeout: 5 });
    } finally {
      client.destroy();
    }
  });

  it('refuses a bad value of its own options, naming it, before it connects', () => {
    const cases: Array<[string, unknown]> = [
      ['onError', { onError: 'log' }],
      ['disableOfflineQueue', { disableOfflineQueue: 'yes' }],
      ['socket', { socket: 'tcp' }],
      ['options', null],
    ];
    for (const [field, options] of cases)
      expect(() => createRedisClient(options as never), field).toThrow(
        expect.objectContaining({ name: 'InvalidOptionError', field }),
      );
  });
});
