import { InvalidOptionError } from '@resilient-llm/policies';
import { refusedField } from '@resilient-llm/test-utils/refusal';
import { scriptedRequestBinding, scriptedTarget } from '@resilient-llm/test-utils/scripted-binding';
import { describe, expect, it } from 'vitest';
import { MemoryCacheStore } from '../store/memory-cache-store';
import { createCacheStage } from './create-cache-stage';

const store = new MemoryCacheStore();
const keyOf = (request: unknown) => request;
/** A key source that knows no credentials: allowed only when sharing across them. */
const shared = { store, keyOf, shareAcrossCredentials: true };

describe('createCacheStage options', () => {
  it('accepts a binding with a target, or keyOf with a scope or shared across credentials', () => {
    expect(() =>
      createCacheStage({ store, binding: scriptedRequestBinding, target: scriptedTarget('a') }),
    ).not.toThrow();
    const scope = () => ({ endpoint: 'https://api.example/v1', credentials: { apiKey: 'sk' } });
    expect(() => createCacheStage({ store, keyOf, scope })).not.toThrow();
    expect(() => createCacheStage(shared)).not.toThrow();
  });

  it('refuses a stage that could not keep credentials apart, unless sharing is asked for', () => {
    const withoutScope = { ...scriptedRequestBinding, cacheScope: undefined };
    const target = scriptedTarget('a');
    expect(refusedField(() => createCacheStage({ store, binding: withoutScope, target }))).toBe(
      'scope',
    );
    expect(
      refusedField(() =>
        createCacheStage({ store, binding: withoutScope, target, shareAcrossCredentials: true }),
      ),
    ).toBeUndefined();
  });

  it('never puts a secret into the message of a bad one', () => {
    const secret = 'sk-abc-of-20-bytes!!';
    const cases = [
      () => createCacheStage({ ...shared, fingerprintSecret: secret.slice(0, 10) }),
      () => createCacheStage({ ...shared, encryptionKey: new TextEncoder().encode(secret) }),
    ];
    for (const create of cases) {
      expect(create).toThrow(InvalidOptionError);
      expect(create).not.toThrow(/sk-abc/);
    }
  });

  it('names the field of a bad value', () => {
    const cases: Array<[string, () => unknown]> = [
      ['store', () => createCacheStage({ ...shared, store: {} as never })],
      ['target', () => createCacheStage({ store, binding: scriptedRequestBinding })],
      [
        'binding.cacheKey',
        () =>
          createCacheStage({
            store,
            binding: { ...scriptedRequestBinding, cacheKey: undefined },
            target: scriptedTarget('a'),
          }),
      ],
      ['ttlMs', () => createCacheStage({ ...shared, ttlMs: 0 })],
      ['ttlMs', () => createCacheStage({ ...shared, ttlMs: Infinity })],
      ['staleWhileRevalidateMs', () => createCacheStage({ ...shared, staleWhileRevalidateMs: -1 })],
      ['maxEntryBytes', () => createCacheStage({ ...shared, maxEntryBytes: 0.5 })],
      ['storeTimeoutMs', () => createCacheStage({ ...shared, storeTimeoutMs: Number.NaN })],
      ['namespace', () => createCacheStage({ ...shared, namespace: '' })],
      ['name', () => createCacheStage({ ...shared, name: '' })],
      ['targetId', () => createCacheStage({ ...shared, targetId: '' })],
      ['codec', () => createCacheStage({ ...shared, codec: {} as never })],
      ['scope', () => createCacheStage({ ...shared, scope: 'tenant' as never })],
      [
        'shareAcrossCredentials',
        () => createCacheStage({ ...shared, shareAcrossCredentials: 'yes' as never }),
      ],
      [
        'fingerprintSecret',
        () => createCacheStage({ store, keyOf, scope: keyOf as never, fingerprintSecret: 'short' }),
      ],
      ['encryptionKey', () => createCacheStage({ ...shared, encryptionKey: new Uint8Array(8) })],
      ['encryptionKey', () => createCacheStage({ ...shared, encryptionKey: 'key' as never })],
      ['storeBreaker', () => createCacheStage({ ...shared, storeBreaker: true as never })],
      [
        'storeBreaker.failureThreshold',
        () => createCacheStage({ ...shared, storeBreaker: { failureThreshold: 0 } }),
      ],
      [
        'storeBreaker.cooldownMs',
        () => createCacheStage({ ...shared, storeBreaker: { cooldownMs: 1.5 } }),
      ],
    ];
    for (const [field, create] of cases) expect(refusedField(create), field).toBe(field);
  });

  it('refuses an unknown key at every level, suggesting the closest known one', () => {
    const cases: Array<[string, () => unknown, string]> = [
      ['ttl', () => createCacheStage({ ...shared, ttl: 60_000 } as never), 'ttlMs'],
      ['nameSpace', () => createCacheStage({ ...shared, nameSpace: 'a' } as never), 'namespace'],
      [
        'storeBreaker.cooldown',
        () => createCacheStage({ ...shared, storeBreaker: { cooldown: 10 } as never }),
        'cooldownMs',
      ],
      ['maxEntrys', () => new MemoryCacheStore({ maxEntrys: 5 } as never), 'maxEntries'],
    ];
    for (const [field, create, suggestion] of cases) {
      expect(refusedField(create), field).toBe(field);
      expect(create).toThrow(`did you mean \`${suggestion}\``);
    }
    expect(refusedField(() => createCacheStage(null as never))).toBe('options');
    expect(
      refusedField(() => createCacheStage({ ...shared, cacheNonDeterministic: 'yes' as never })),
    ).toBe('cacheNonDeterministic');
    expect(refusedField(() => new MemoryCacheStore({ clock: {} as never }))).toBe('clock.now');
  });
});
