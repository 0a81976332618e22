import type { RateLimiterSnapshot, SharedRateLimitCommand } from '@resilient-llm/policies';
import { applyRateLimitCommands } from '@resilient-llm/policies/internal';
import fc from 'fast-check';
import { createClient } from 'redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis } from '../../test/describe-with-redis';
import { storedNumbersPattern } from '../../test/stored-numbers';
import { type RateLimitStep, scenarioArbitrary } from './rate-limit-arbitraries';
import { redisSharedState } from './redis-shared-state';

const startMs = 1_764_000_000_000;

function commandsAt(step: RateLimitStep, now: number): SharedRateLimitCommand[] {
  const { commands, pauseMs } = step;
  return commands.map((command) =>
    command.op === 'rate-limited' && pauseMs > 0
      ? { ...command, pauseUntil: now + pauseMs }
      : command,
  );
}

function closeTo(actual: number, expected: number): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= 1e-6 * Math.max(Math.abs(expected), 1);
}

describeWithRedis('redisSharedState rate limits against the policies model', (server) => {
  let client: ReturnType<typeof createClient>;

  beforeAll(async () => {
    client = createClient({ url: server().url });
    client.on('error', () => {});
    await client.connect();
  });
  afterAll(() => client.close());

  // 200 sequences of up to 30 steps of one to three commands: a few seconds, one EVALSHA per step.
  it('decides every list of commands as applyRateLimitCommands does, and holds the same state', {
    timeout: 60_000,
  }, async () => {
    const shared = redisSharedState({ client, keyPrefix: 'property:' });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(30), async ({ limits, steps }) => {
        const key = `target-${++run}`;
        let model: RateLimiterSnapshot | undefined;
        let now = startMs;
        for (const step of steps) {
          now += step.advanceMs;
          const commands = commandsAt(step, now);
          const expected = applyRateLimitCommands(model, limits, commands, now);
          model = expected.state;
          const actual = await shared.rateLimit(key, limits, commands, now);
          expect({ commands, granted: actual.granted }).toEqual({
            commands,
            granted: expected.granted,
          });
          expect(
            closeTo(actual.waitMs, expected.waitMs),
            `${actual.waitMs} vs ${expected.waitMs}`,
          ).toBe(true);
          expect(actual.state).toEqual(expected.state);
        }
      }),
      { numRuns: 200 },
    );
    // What the runs left in Redis: one key per run, each the prefix and the key, numbers only.
    const keys = await client.keys('*');
    expect(keys.sort()).toEqual(
      Array.from({ length: run }, (_, i) => `property:target-${i + 1}`).sort(),
    );
    for (const key of keys) expect(await client.get(key)).toMatch(storedNumbersPattern);
  });
});
