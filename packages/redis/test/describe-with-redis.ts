import { afterAll, beforeAll, describe, it } from 'vitest';
import { findRedisServer, type RedisServer, startRedisServer } from './redis-server';

const binary = findRedisServer();

/**
 * Declares tests that need a real redis-server: one is started on a free loopback port before
 * them and killed after. Without `redis-server` on PATH they are skipped with the reason,
 * except under `CI=true`, where a missing server fails the run instead.
 */
export function describeWithRedis(name: string, body: (server: () => RedisServer) => void): void {
  if (!binary) {
    if (process.env.CI === 'true') {
      describe(name, () => {
        it('needs redis-server, which CI must install (scripts/install-services.sh)', () => {
          throw new Error('redis-server is not installed: run scripts/install-services.sh');
        });
      });
    } else {
      describe.skip(`${name} (skipped: redis-server is not installed; apt-get install redis-server)`, () => {
        it('needs redis-server', () => {});
      });
    }
    return;
  }
  describe(name, () => {
    let server: RedisServer | undefined;
    beforeAll(async () => {
      server = await startRedisServer(binary);
    });
    afterAll(async () => {
      await server?.kill();
    });
    body(() => {
      if (!server) throw new Error('redis-server did not start');
      return server;
    });
  });
}
