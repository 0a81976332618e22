import type {
  EmbeddingModelV4,
  LanguageModelV4,
  LanguageModelV4Middleware,
} from '@ai-sdk/provider';
import { generateText, type LanguageModel } from 'ai';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createResilientEmbeddingModel,
  createResilientMiddleware,
  createResilientModel,
  type LanguageModelStage,
  type ResilientLanguageModelOptions,
} from '../index';

declare const primary: LanguageModelV4;
declare const embedder: EmbeddingModelV4;

describe('types of the AI SDK adapter', () => {
  it('returns a LanguageModelV4 the AI SDK accepts', () => {
    const model = createResilientModel({ models: [primary, { model: primary, id: 'again' }] });
    expectTypeOf(model).toExtend<LanguageModelV4>();
    expectTypeOf(model).toExtend<LanguageModel>();
    expectTypeOf(generateText).toBeCallableWith({ model, prompt: 'hi' });
  });

  it('returns a middleware and an embedding model of specification v4', () => {
    expectTypeOf(createResilientMiddleware()).toEqualTypeOf<LanguageModelV4Middleware>();
    expectTypeOf(
      createResilientEmbeddingModel({ models: [embedder] }),
    ).toEqualTypeOf<EmbeddingModelV4>();
  });

  it('requires models and types stages over the AI SDK’s own shapes', () => {
    expectTypeOf<ResilientLanguageModelOptions>().toHaveProperty('models');
    // @ts-expect-error models are required
    createResilientModel({});
    expectTypeOf<LanguageModelStage['wrapTarget']>().not.toBeAny();
  });
});
