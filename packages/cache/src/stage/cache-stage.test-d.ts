import { createOpenAI } from '@ai-sdk/openai';
import {
  createLanguageModelBinding,
  createResilientModel as createResilientLanguageModel,
  type LanguageModelStage,
} from '@resilient-llm/ai-sdk';
import { createResilientModel, type Stage, systemClock } from '@resilient-llm/core';
import {
  createOpenAIBinding,
  createResilientOpenAI,
  type OpenAIModel,
  type OpenAITarget,
} from '@resilient-llm/openai';
import {
  type ScriptedTarget,
  scriptedRequestBinding,
  scriptedTarget,
  type TestPart,
  type TestRequest,
} from '@resilient-llm/test-utils/scripted-binding';
import OpenAI from 'openai';
import { describe, expectTypeOf, it } from 'vitest';
import { MemoryCacheStore } from '../store/memory-cache-store';
import { createCacheStage } from './create-cache-stage';

describe('a cache stage', () => {
  it('is a core Stage, without the cache depending on core', () => {
    const target = scriptedTarget('a');
    const stage = createCacheStage<ScriptedTarget, TestRequest, string, TestPart>({
      store: new MemoryCacheStore(),
      binding: scriptedRequestBinding,
      target,
    });
    expectTypeOf(stage).toExtend<Stage<ScriptedTarget, TestRequest, string, TestPart>>();
    createResilientModel({ binding: scriptedRequestBinding, targets: [target], stages: [stage] });
  });
});

describe('createCacheStage inside createResilientModel', () => {
  it('infers its types from where it is used', () => {
    createResilientModel({
      binding: scriptedRequestBinding,
      targets: [scriptedTarget('a')],
      stages: [createCacheStage({ store: new MemoryCacheStore(), keyOf: (request) => request })],
    });
  });
});

describe('a cache stage built before the model it joins', () => {
  it('fits createResilientOpenAI without type arguments', () => {
    const primary: OpenAITarget = { client: new OpenAI({ apiKey: 'sk-test' }) };
    const cache = createCacheStage({
      store: new MemoryCacheStore(),
      binding: createOpenAIBinding(),
      target: primary,
    });
    type OpenAIStage = NonNullable<Parameters<typeof createResilientOpenAI>[0]['stages']>[number];
    expectTypeOf(cache).toExtend<OpenAIStage>();
    expectTypeOf(
      createResilientOpenAI({ targets: [primary], stages: [cache] }).model,
    ).toEqualTypeOf<OpenAIModel>();
  });

  it('fits the AI SDK adapter without type arguments', () => {
    const primary = { model: createOpenAI({ apiKey: 'sk-test' })('gpt-4o'), id: 'primary' };
    const cache = createCacheStage({
      store: new MemoryCacheStore(),
      binding: createLanguageModelBinding({ clock: systemClock }),
      target: primary,
    });
    expectTypeOf(cache).toExtend<LanguageModelStage>();
    createResilientLanguageModel({ models: [primary], stages: [cache] });
  });
});
