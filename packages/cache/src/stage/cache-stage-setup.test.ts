import { createResilientModel } from '@resilient-llm/core';
import { setupCachedModel } from '@resilient-llm/test-utils/cache-setup';
import { refusedField } from '@resilient-llm/test-utils/refusal';
import {
  collect,
  noBuiltIns,
  scriptedRequestBinding,
  scriptedTarget,
  type TestPart,
} from '@resilient-llm/test-utils/scripted-binding';
import { describe, expect, it } from 'vitest';
import { MemoryCacheStore } from '../store/memory-cache-store';
import { createCacheStage } from './create-cache-stage';

const answer: TestPart[] = [{ type: 'start' }, { type: 'text', text: 'hel' }, { type: 'finish' }];

describe('a cache stage given only its store, in a model', () => {
  it('keys, scopes and caches through the model’s binding and first target', async () => {
    const { model, target, stage } = setupCachedModel({
      steps: [{ respond: 'one' }, { respond: 'two' }, { stream: answer }],
    });

    await model.generate({ prompt: 'hi' });
    const hit = await model.generate({ prompt: 'hi' });
    // The scope comes from the binding: a call with its own API key gets entries of its own.
    const ownKey = await model.generate({ prompt: 'hi', apiKey: 'sk-other' });
    // Stream roles come from the binding too: a stream is recorded and replayed.
    await collect((await model.stream({ prompt: 'hi' })).stream);
    const replay = await model.stream({ prompt: 'hi' });

    expect(hit).toMatchObject({ response: 'one <- hi', targetId: 'cache' });
    expect(ownKey).toMatchObject({ response: 'two <- hi', targetId: 'a' });
    expect(replay.targetId).toBe('cache');
    expect(await collect(replay.stream)).toEqual(answer);
    expect(target.calls).toBe(3);
    expect(stage.stats()).toMatchObject({ hits: 2, misses: 3, writes: 3 });
  });

  it('keys by the target it is given instead of the first', async () => {
    const store = new MemoryCacheStore();
    const writer = createResilientModel({
      ...noBuiltIns,
      binding: scriptedRequestBinding,
      targets: [scriptedTarget('a', { respond: 'from a' })],
      stages: [createCacheStage({ store })],
    });
    const second = scriptedTarget('a');
    const keyedBySecond = createResilientModel({
      ...noBuiltIns,
      binding: scriptedRequestBinding,
      targets: [scriptedTarget('b', { respond: 'from b' }), second],
      stages: [createCacheStage({ store, target: second })],
    });
    const keyedByFirst = createResilientModel({
      ...noBuiltIns,
      binding: scriptedRequestBinding,
      targets: [scriptedTarget('b', { respond: 'from b' })],
      stages: [createCacheStage({ store })],
    });

    await writer.generate({ prompt: 'hi' });

    await expect(keyedBySecond.generate({ prompt: 'hi' })).resolves.toMatchObject({
      response: 'from a <- hi',
      targetId: 'cache',
    });
    await expect(keyedByFirst.generate({ prompt: 'hi' })).resolves.toMatchObject({
      response: 'from b <- hi',
      targetId: 'b',
    });
  });

  it('lets its own binding and target win over the model’s', async () => {
    const everyPromptAlike = { ...scriptedRequestBinding, cacheKey: () => 'one key' };
    const target = scriptedTarget('a', { respond: 'first' });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedRequestBinding,
      targets: [target],
      stages: [
        createCacheStage({ store: new MemoryCacheStore(), binding: everyPromptAlike, target }),
      ],
    });

    await model.generate({ prompt: 'hi' });

    await expect(model.generate({ prompt: 'other' })).resolves.toMatchObject({
      response: 'first <- hi',
      targetId: 'cache',
    });
  });

  it('refuses, when the model is built, a binding that gives no key material or no scope', () => {
    const build =
      (binding: typeof scriptedRequestBinding, cache = {}) =>
      () =>
        createResilientModel({
          binding,
          targets: [scriptedTarget('a')],
          stages: [createCacheStage({ store: new MemoryCacheStore(), ...cache })],
        });
    const withoutKey = { ...scriptedRequestBinding, cacheKey: undefined };
    const withoutScope = { ...scriptedRequestBinding, cacheScope: undefined };

    expect(refusedField(build(withoutKey))).toBe('binding.cacheKey');
    expect(
      refusedField(build(withoutKey, { keyOf: (request: unknown) => request })),
    ).toBeUndefined();
    expect(refusedField(build(withoutScope))).toBe('scope');
    expect(refusedField(build(withoutScope, { shareAcrossCredentials: true }))).toBeUndefined();
    // Construction alone cannot know: the model may bring what is missing.
    expect(() => createCacheStage({ store: new MemoryCacheStore() })).not.toThrow();
  });

  it('serves one model: a second model refuses it, naming its stages', () => {
    const stage = createCacheStage({ store: new MemoryCacheStore() });
    const options = {
      binding: scriptedRequestBinding,
      targets: [scriptedTarget('a')],
      stages: [stage],
    };
    createResilientModel(options);

    expect(() => createResilientModel(options)).toThrow(
      expect.objectContaining({
        name: 'InvalidOptionError',
        field: 'stages',
        message: expect.stringContaining('one cache stage per model'),
      }),
    );
  });
});
