import { InvalidOptionError } from '@resilient-llm/policies';
import { describe, expect, it } from 'vitest';
import { scriptedBinding, scriptedTarget } from '../../test/scripted-binding';
import { MemoryCacheStore } from '../store/memory-cache-store';
import { createCacheStage } from './create-cache-stage';

const store = new MemoryCacheStore();
const keyOf = (request: unknown) => request;

function fieldOf(create: () => unknown): string | undefined {
  try {
    create();
  } catch (error) {
    if (InvalidOptionError.isInstance(error)) return error.field;
    throw error;
  }
  return undefined;
}

describe('createCacheStage options', () => {
  it('accepts a binding with a target, or keyOf', () => {
    expect(() =>
      createCacheStage({ store, binding: scriptedBinding, target: scriptedTarget('a') }),
    ).not.toThrow();
    expect(() => createCacheStage({ store, keyOf })).not.toThrow();
  });

  it('names the field of a bad value', () => {
    const cases: Array<[string, () => unknown]> = [
      ['store', () => createCacheStage({ store: {} as never, keyOf })],
      ['keyOf', () => createCacheStage({ store })],
      ['target', () => createCacheStage({ store, binding: scriptedBinding })],
      [
        'binding.cacheKey',
        () =>
          createCacheStage({
            store,
            binding: { ...scriptedBinding, cacheKey: undefined },
            target: scriptedTarget('a'),
          }),
      ],
      ['ttlMs', () => createCacheStage({ store, keyOf, ttlMs: 0 })],
      ['ttlMs', () => createCacheStage({ store, keyOf, ttlMs: Infinity })],
      [
        'staleWhileRevalidateMs',
        () => createCacheStage({ store, keyOf, staleWhileRevalidateMs: -1 }),
      ],
      ['maxEntryBytes', () => createCacheStage({ store, keyOf, maxEntryBytes: 0.5 })],
      ['storeTimeoutMs', () => createCacheStage({ store, keyOf, storeTimeoutMs: Number.NaN })],
      ['namespace', () => createCacheStage({ store, keyOf, namespace: '' })],
      ['name', () => createCacheStage({ store, keyOf, name: '' })],
      ['codec', () => createCacheStage({ store, keyOf, codec: {} as never })],
    ];
    for (const [field, create] of cases) expect(fieldOf(create), field).toBe(field);
  });
});
