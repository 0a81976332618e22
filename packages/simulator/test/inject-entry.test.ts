import { describe, expect, it } from 'vitest';
import { bundleInjectEntry } from './browser/bundle-inject-entry';

describe('the @resilient-llm/simulator/inject entry', () => {
  it('bundles for a browser with no node: import', async () => {
    const bundle = await bundleInjectEntry();
    expect(bundle.imports.filter((specifier) => specifier.startsWith('node:'))).toEqual([]);
    expect(bundle.code).not.toMatch(/["']node:/);
    expect(bundle.code).toContain('injectEmbeddingModelFaults');
  });
});
