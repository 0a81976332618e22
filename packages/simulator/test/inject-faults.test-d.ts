import type { EmbeddingModelV4, LanguageModelV4 } from '@ai-sdk/provider';
import { describe, expectTypeOf, it } from 'vitest';
import { injectEmbeddingModelFaults, injectFaults, injectLanguageModelFaults } from '../src/index';

declare const languageModel: LanguageModelV4;
declare const embeddingModel: EmbeddingModelV4;

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

  it('model wrappers give back the AI SDK model types they were given', () => {
    expectTypeOf(
      injectLanguageModelFaults(languageModel, 'steady'),
    ).toEqualTypeOf<LanguageModelV4>();
    expectTypeOf(
      injectEmbeddingModelFaults(embeddingModel, 'steady'),
    ).toEqualTypeOf<EmbeddingModelV4>();
  });

  it('model wrappers refuse what is no AI SDK model', () => {
    // @ts-expect-error a function is no language model
    injectLanguageModelFaults(async () => 'text', 'steady');
    // @ts-expect-error a language model is no embedding model
    injectEmbeddingModelFaults(languageModel, 'steady');
  });
});
