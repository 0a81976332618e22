import { setupCachedModel } from '@resilient-llm/test-utils/cache-setup';
import {
  either,
  expectBuild,
  type FieldCase,
  field,
  invalid,
  mostly,
  objectCase,
  valid,
} from '@resilient-llm/test-utils/option-case';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheStageOptionKeys } from './cache-stage-options';

const notANumber = fc.constantFrom('5', null, {}, Number.NaN);
const notAFunction = fc.constantFrom('yes', 5, {});
const notABoolean = fc.constantFrom('yes', 0, 1, null);
const duration = (min: number) => fc.integer({ min, max: 86_400_000 });
const badDuration = (min: number) =>
  fc.oneof(notANumber, fc.constant(min - 1), fc.constant(1.5), fc.constant(Infinity));
const nonEmpty = fc.stringMatching(/^[a-z][a-z0-9:-]{0,11}$/);

const storeBreaker: FieldCase = mostly(
  either(
    valid(fc.constant(false)),
    objectCase({
      failureThreshold: field(fc.integer({ min: 1, max: 10 }), badDuration(1)),
      cooldownMs: field(
        duration(1).filter((ms) => ms < 2 ** 31),
        badDuration(1),
      ),
    }),
  ),
  invalid(fc.constantFrom(true, 'on', 5)),
);

/** The options a caller may set beside the store and binding `setupCachedModel` gives. */
const cacheOptions = objectCase(
  {
    name: field(nonEmpty, fc.constantFrom('', 5)),
    targetId: field(nonEmpty, fc.constantFrom('', 5)),
    namespace: field(
      fc.oneof(
        nonEmpty,
        fc.constant(() => 'tenant'),
      ),
      fc.constantFrom('', 5, null),
    ),
    shareAcrossCredentials: field(fc.boolean(), notABoolean),
    storeBreaker,
    ttlMs: field(
      duration(1).filter((ms) => ms < 2 ** 31),
      badDuration(1),
    ),
    staleWhileRevalidateMs: field(duration(0), badDuration(0)),
    // Large enough for the answer, so that a valid stage always stores it.
    maxEntryBytes: field(fc.integer({ min: 4096, max: 2 ** 24 }), badDuration(1)),
    storeTimeoutMs: field(fc.integer({ min: 1, max: 60_000 }), badDuration(1)),
    cacheNonDeterministic: field(fc.boolean(), notABoolean),
    isNonDeterministic: field(
      fc.constant(() => false),
      notAFunction,
    ),
    control: field(
      fc.constant(() => undefined),
      notAFunction,
    ),
  },
  { knownKeys: cacheStageOptionKeys, extra: ['ttl', 'timeoutMs', 'keyPrefix', 'maxEntries'] },
);

describe('createCacheStage options, at random', () => {
  it('either builds a stage that caches, or throws InvalidOptionError naming an offending path; never ignores a key', async () => {
    await fc.assert(
      fc.asyncProperty(cacheOptions(''), async (options) => {
        const setup = expectBuild(
          (cache) =>
            setupCachedModel({
              steps: [{ respond: 'one' }, { respond: 'two' }],
              cache: cache as never,
            }),
          options,
        );
        if (!setup) return;
        const { model, target } = setup;
        await expect(model.generate({ prompt: 'hi' })).resolves.toMatchObject({
          response: 'one <- hi',
        });
        // The second identical call is answered from the cache: the options took effect.
        await expect(model.generate({ prompt: 'hi' })).resolves.toMatchObject({
          response: 'one <- hi',
        });
        expect(target.calls).toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});
