import type { CallOutcome, PipelineEvent } from '@resilient-llm/core';
import { createManualClock } from '@resilient-llm/simulator';
import { setupCachedModel } from '@resilient-llm/test-utils/cache-setup';
import { testEpochMs } from '@resilient-llm/test-utils/test-epoch';
import { describe, expect, it } from 'vitest';
import { handMadeContext } from '../../test/hand-made-context';
import { MemoryCacheStore } from '../store/memory-cache-store';
import type { CacheEvent } from './cache-event';
import { createCacheStage } from './create-cache-stage';

const sha256Key = expect.stringMatching(/^[0-9a-f]{64}$/);

describe('cache events in the model’s event stream', () => {
  it('reach model.on as stage events that name the stage', async () => {
    const { model, stage } = setupCachedModel({ steps: [{ respond: 'one' }] });
    const fromModel: PipelineEvent[] = [];
    const fromStage: CacheEvent[] = [];
    model.on('cache-miss', (event) => fromModel.push(event));
    model.on('cache-hit', (event) => fromModel.push(event));
    stage.on('cache-hit', (event) => fromStage.push(event));

    await model.generate({ prompt: 'hi' });
    await model.generate({ prompt: 'hi' });

    expect(fromModel).toEqual([
      { type: 'cache-miss', stage: 'cache', key: sha256Key },
      {
        type: 'cache-hit',
        stage: 'cache',
        key: sha256Key,
        bytes: expect.any(Number),
        stale: false,
      },
    ]);
    // cacheStage.on is fed by the same events.
    expect(fromStage).toEqual([fromModel[1]]);
    expect(fromStage[0]).toBe(fromModel[1]);
  });

  it('reach telemetry in order with the pipeline’s own, carrying the stage’s name', async () => {
    const events: PipelineEvent[] = [];
    const { model } = setupCachedModel({
      steps: [{ respond: 'one' }],
      cache: { name: 'answers' },
      telemetry: (event) => events.push(event),
    });

    await model.generate({ prompt: 'hi' });
    await model.generate({ prompt: 'hi' });

    expect(events.map((event) => event.type)).toEqual([
      'call-start',
      'cache-miss',
      'attempt-start',
      'attempt-success',
      'cache-write',
      'call-success',
      'call-start',
      'cache-hit',
      'call-success',
    ]);
    for (const event of events.filter((event) => event.type.startsWith('cache-')))
      expect(event).toMatchObject({ stage: 'answers', key: sha256Key });
  });

  it('never carry the prompt or the credentials', async () => {
    const events: PipelineEvent[] = [];
    const prompt = 'a question only its asker may read';
    const { model } = setupCachedModel({
      steps: [{ respond: 'one' }, { respond: 'two' }],
      telemetry: (event) => events.push(event),
    });

    await model.generate({ prompt, apiKey: 'sk-secret-of-the-caller' });
    await model.generate({ prompt, apiKey: 'sk-secret-of-the-caller' });
    await model.generate({ prompt, temperature: 0.9 }); // a bypass

    const cacheEvents = events.filter((event) => event.type.startsWith('cache-'));
    expect(cacheEvents.map((event) => event.type)).toEqual([
      'cache-miss',
      'cache-write',
      'cache-hit',
      'cache-bypass',
    ]);
    const text = JSON.stringify(cacheEvents);
    expect(text).not.toContain(prompt);
    expect(text).not.toContain('sk-secret');
  });

  it('reach cacheStage.on for a stage used outside a model, before any setup', async () => {
    const clock = createManualClock(testEpochMs);
    const stage = createCacheStage({
      store: new MemoryCacheStore({ clock }),
      keyOf: (request: { prompt: string }) => request.prompt,
      shareAcrossCredentials: true,
    });
    const events: CacheEvent[] = [];
    stage.on('cache-miss', (event) => events.push(event));
    stage.on('cache-hit', (event) => events.push(event));
    const context = handMadeContext(clock);
    const next = async (): Promise<CallOutcome<undefined, string, never>> => ({
      mode: 'generate',
      response: 'answered',
      target: undefined,
      targetId: 'by-hand',
      targetIndex: 0,
      attempts: 1,
    });

    await stage.wrapCall({ request: { prompt: 'hi' }, context, next });
    const hit = await stage.wrapCall({ request: { prompt: 'hi' }, context, next });

    expect(hit).toMatchObject({ response: 'answered', targetId: 'cache' });
    expect(events).toEqual([
      { type: 'cache-miss', stage: 'cache', key: sha256Key },
      {
        type: 'cache-hit',
        stage: 'cache',
        key: sha256Key,
        bytes: expect.any(Number),
        stale: false,
      },
    ]);
  });

  it('refuses a call of a stage outside a model that its options cannot key', async () => {
    const clock = createManualClock(testEpochMs);
    const stage = createCacheStage({ store: new MemoryCacheStore({ clock }) });
    const context = handMadeContext(clock);

    await expect(
      stage.wrapCall({ request: { prompt: 'hi' }, context, next: () => Promise.reject() }),
    ).rejects.toMatchObject({ name: 'InvalidOptionError', field: 'keyOf' });
  });
});
