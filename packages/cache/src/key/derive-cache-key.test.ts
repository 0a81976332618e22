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

  it('keys a long prompt by its digest, still apart from any other prompt', async () => {
    const long = 'a'.repeat(10_000);
    const keyOf = (content: unknown) =>
      deriveCacheKey({ ...base, material: { messages: [{ role: 'user', content }] } });
    const keys = await Promise.all([
      keyOf(long),
      keyOf(`${long}b`),
      keyOf(`${long}\ud800`),
      keyOf(`${long}\ud801`),
      keyOf({ $sha256: 'f'.repeat(64) }),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await keyOf('a'.repeat(10_000))).toBe(keys[0]);
  });

  it('differs by namespace, target, endpoint, credentials, mode and material', async () => {
    const keys = await Promise.all([
      deriveCacheKey(base),
      deriveCacheKey({ ...base, namespace: 'tenant-b' }),
      deriveCacheKey({ ...base, targetId: 'anthropic:claude' }),
      deriveCacheKey({ ...base, endpoint: 'https://api.example/v1' }),
      deriveCacheKey({ ...base, credentials: 'a'.repeat(64) }),
      deriveCacheKey({ ...base, credentials: 'b'.repeat(64) }),
      deriveCacheKey({ ...base, mode: 'stream' }),
      deriveCacheKey({ ...base, material: { ...base.material, temperature: 0 } }),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
