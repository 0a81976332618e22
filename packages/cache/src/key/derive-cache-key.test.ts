import { describe, expect, it } from 'vitest';
import { deriveCacheKey } from './derive-cache-key';

const base = {
  namespace: 'tenant-a',
  targetId: 'openai:gpt',
  mode: 'generate',
  material: { model: 'gpt', messages: [{ role: 'user', content: 'a secret prompt' }] },
} as const;

describe('deriveCacheKey', () => {
  it('is 64 hex digits of SHA-256, never the prompt', async () => {
    const key = await deriveCacheKey(base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('secret');
  });

  it('is stable across key order and undefined fields', async () => {
    const reordered = {
      ...base,
      material: { messages: base.material.messages, model: 'gpt', temperature: undefined },
    };
    expect(await deriveCacheKey(reordered)).toBe(await deriveCacheKey(base));
  });

  it('differs by namespace, target, mode and material', async () => {
    const keys = await Promise.all([
      deriveCacheKey(base),
      deriveCacheKey({ ...base, namespace: 'tenant-b' }),
      deriveCacheKey({ ...base, targetId: 'anthropic:claude' }),
      deriveCacheKey({ ...base, mode: 'stream' }),
      deriveCacheKey({ ...base, material: { ...base.material, temperature: 0 } }),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
