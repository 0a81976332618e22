import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { redisSharedState } from './redis-shared-state';

// Options are checked before anything connects: the client here never does.
const client = createClient();

describe('redisSharedState options', () => {
  it('refuses an unknown key, naming the closest known one', () => {
    expect(() => redisSharedState({ client, prefix: 'a:' } as never)).toThrow(
      'did you mean `keyPrefix`',
    );
  });

  it.each([
    ['client', { client: undefined }],
    ['client.scriptLoad', { client: { get() {} } }],
    ['keyPrefix', { client, keyPrefix: 3 }],
    ['operationTimeoutMs', { client, operationTimeoutMs: 0 }],
    ['operationTimeoutMs', { client, operationTimeoutMs: Number.NaN }],
    ['clock', { client, clock: { now: () => 0 } }],
  ])('refuses a bad %s with InvalidOptionError naming it', (field, options) => {
    expect(() => redisSharedState(options as never)).toThrow(
      expect.objectContaining({
        name: 'InvalidOptionError',
        field: expect.stringContaining(field),
      }),
    );
  });

  it('takes an operation timeout of Infinity (no limit) and an empty prefix', () => {
    expect(() =>
      redisSharedState({ client, keyPrefix: '', operationTimeoutMs: Infinity }),
    ).not.toThrow();
  });
});
