import { MemorySharedState, type SharedState } from '@resilient-llm/policies';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeWithRedis } from '../../test/describe-with-redis';
import { redisSharedState } from './redis-shared-state';
import { type HeardChange, sharedStateScenarios } from './shared-state-scenarios';

const endKey = 'br:end-of-scenario';

function runScenarios(fresh: () => SharedState) {
  for (const { name, run, expected, changes } of sharedStateScenarios) {
    it(name, async () => {
      const shared = fresh();
      const heard: HeardChange[] = [];
      const subscription = await shared.onBreakerChange!((key, view) => heard.push({ key, view }));
      try {
        expect(await run(shared)).toEqual(expected);
        if (changes) {
          // A last change of a key of its own: once it is heard, every earlier one was.
          await shared.openBreaker(endKey, 1, 0);
          const end = { key: endKey, view: { openUntil: 1, probeLeaseUntil: 0 } };
          await vi.waitFor(() => expect(heard.at(-1)).toEqual(end));
          expect(heard).toEqual([...changes, end]);
        }
      } finally {
        subscription.dispose();
        await shared.close?.();
      }
    });
  }
}

describe('MemorySharedState', () => {
  runScenarios(() => new MemorySharedState());
});

describeWithRedis('redisSharedState on a real redis-server', (server) => {
  let client: ReturnType<typeof createClient>;
  let states = 0;

  beforeAll(async () => {
    client = createClient({ url: server().url });
    client.on('error', () => {});
    await client.connect();
  });
  afterAll(() => client.close());

  runScenarios(() => redisSharedState({ client, keyPrefix: `scenario-${++states}:` }));
});
