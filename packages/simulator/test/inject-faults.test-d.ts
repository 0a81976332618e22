import type { EmbeddingModelV4, LanguageModelV4 } from '@ai-sdk/provider';
import { describe, expectTypeOf, it } from 'vitest';
import { injectEmbeddingModelFaults, injectFaults, injectLanguageModelFaults } from '../src/index';

describe('wrapper types', () => {
  it('injectFaults keeps the wrapped function signature', () => {
    const fetchUser = async (id: number, options?: { signal?: AbortSignal }) => ({
      id,
      name: String(options),
    });
    const wrapped = injectFaults(fetchUser, 'overloaded');
    expectTypeOf(wrapped).parameters.toEqualTypeOf<
      [id: number, options?: { signal?: AbortSignal }]
    >();
    expectTypeOf(wrapped).returns.resolves.toEqualTypeOf<{ id: number; name: string }>();
  });

  it('getSignal sees the same arguments', () => {
    injectFaults(async (_query: string, _signal: AbortSignal) => 1, 'steady', {
      getSignal: (query, signal) => {
        expectTypeOf(query).toEqualTypeOf<string>();
        return signal;
      },
    });
  });

  it('model wrappers return the AI SDK model types', () => {
    expectTypeOf(injectLanguageModelFaults).returns.toEqualTypeOf<LanguageModelV4>();
    expectTypeOf(injectEmbeddingModelFaults).returns.toEqualTypeOf<EmbeddingModelV4>();
  });
});
