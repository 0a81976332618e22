import { createOpenAI } from '@ai-sdk/openai';
import {
  createLanguageModelBinding,
  createResilientModel as createResilientLanguageModel,
  type LanguageModelStage,
} from '@resilient-llm/ai-sdk';
import {
  type CallOptions,
  createResilientModel,
  type PipelineEvent,
  type PipelineEventOf,
  type Stage,
  systemClock,
} from '@resilient-llm/core';
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
import type { CacheControl } from './cache-control';
import type { CacheEvent, CacheEventOf } from './cache-event';
import { createCacheStage } from './create-cache-stage';

type ScriptedStage = Stage<ScriptedTarget, TestRequest, string, TestPart>;
type OpenAIStage = NonNullable<Parameters<typeof createResilientOpenAI>[0]['stages']>[number];

describe('a cache stage', () => {
  it('is a core Stage of any model when built with nothing but its store', () => {
    const cache = createCacheStage({ store: new MemoryCacheStore() });
    expectTypeOf(cache).toExtend<ScriptedStage>();
    expectTypeOf(cache).toExtend<OpenAIStage>();
    expectTypeOf(cache).toExtend<LanguageModelStage>();
    createResilientModel({
      binding: scriptedRequestBinding,
      targets: [scriptedTarget('a')],
      stages: [cache],
    });
  });

  it('is a core Stage of the model its binding or keyOf is typed for, and of no other', () => {
    const target = scriptedTarget('a');
    const bound = createCacheStage({
      store: new MemoryCacheStore(),
      binding: scriptedRequestBinding,
      target,
    });
    expectTypeOf(bound).toExtend<ScriptedStage>();
    createResilientModel({ binding: scriptedRequestBinding, targets: [target], stages: [bound] });
    const keyed = createCacheStage({
      store: new MemoryCacheStore(),
      keyOf: (request: TestRequest) => request.prompt,
    });
    expectTypeOf(keyed).toExtend<ScriptedStage>();
    expectTypeOf(keyed).not.toExtend<OpenAIStage>();
  });

  it('infers its types from where it is used', () => {
    createResilientModel({
      binding: scriptedRequestBinding,
      targets: [scriptedTarget('a')],
      stages: [createCacheStage({ store: new MemoryCacheStore(), keyOf: (request) => request })],
    });
  });
});

describe('a cache stage built before the model it joins', () => {
  it('fits createResilientOpenAI without type arguments, with or without a binding', () => {
    const primary: OpenAITarget = { client: new OpenAI({ apiKey: 'sk-test' }) };
    const bound = createCacheStage({
      store: new MemoryCacheStore(),
      binding: createOpenAIBinding(),
      target: primary,
    });
    expectTypeOf(bound).toExtend<OpenAIStage>();
    const cache = createCacheStage({ store: new MemoryCacheStore() });
    expectTypeOf(
      createResilientOpenAI({ targets: [primary], stages: [cache] }).model,
    ).toEqualTypeOf<OpenAIModel>();
  });

  it('fits the AI SDK adapter without type arguments, with or without a binding', () => {
    const primary = { model: createOpenAI({ apiKey: 'sk-test' })('gpt-4o'), id: 'primary' };
    const bound = createCacheStage({
      store: new MemoryCacheStore(),
      binding: createLanguageModelBinding({ clock: systemClock }),
      target: primary,
    });
    expectTypeOf(bound).toExtend<LanguageModelStage>();
    const cache = createCacheStage({ store: new MemoryCacheStore() });
    createResilientLanguageModel({ models: [primary], stages: [cache] });
  });
});

describe('the cache in core’s contract', () => {
  it('adds its events to the model’s event stream, typed', () => {
    const model = createResilientModel({
      binding: scriptedRequestBinding,
      targets: [scriptedTarget('a')],
    });
    expectTypeOf<PipelineEventOf<'cache-hit'>>().toEqualTypeOf<CacheEventOf<'cache-hit'>>();
    expectTypeOf<CacheEvent>().toExtend<PipelineEvent>();
    model.on('cache-hit', (event) => {
      expectTypeOf(event.stage).toEqualTypeOf<string>();
      expectTypeOf(event.key).toEqualTypeOf<string>();
      expectTypeOf(event.stale).toEqualTypeOf<boolean>();
    });
    model.on('cache-store-breaker', (event) => {
      expectTypeOf(event.state).toEqualTypeOf<'open' | 'half-open' | 'closed'>();
    });
    // @ts-expect-error: cache events are prefixed.
    model.on('hit', () => {});
  });

  it('adds `cache` to the per-call options', () => {
    expectTypeOf<CallOptions['cache']>().toEqualTypeOf<CacheControl | undefined>();
    const model = createResilientModel({
      binding: scriptedRequestBinding,
      targets: [scriptedTarget('a')],
    });
    void model.generate({ prompt: 'hi' }, { cache: { refresh: true } });
    // @ts-expect-error: `refersh` is no key of CacheControl.
    void model.generate({ prompt: 'hi' }, { cache: { refersh: true } });
  });
});
