import { createResilientModel } from '@resilient-llm/core';
import { setupCachedModel } from '@resilient-llm/test-utils/cache-setup';
import { scriptedRequestBinding, scriptedTarget } from '@resilient-llm/test-utils/scripted-binding';
import { describe, expect, it } from 'vitest';
import { withCacheControl } from './cache-control';

const answers = (...texts: string[]) => texts.map((respond) => ({ respond }));

describe('the cache per-call option', () => {
  it('skips, refreshes and sets a TTL of its own: model.generate(request, { cache })', async () => {
    const { model, target, clock, stage } = setupCachedModel({
      steps: answers('one', 'two', 'three', 'four', 'five'),
    });

    await model.generate({ prompt: 'hi' }, { cache: { skip: true } });
    expect((await model.generate({ prompt: 'hi' })).response).toBe('two <- hi');
    const refreshed = await model.generate({ prompt: 'hi' }, { cache: { refresh: true } });
    expect(refreshed).toMatchObject({ response: 'three <- hi', targetId: 'a' });
    expect((await model.generate({ prompt: 'hi' })).response).toBe('three <- hi');

    await model.generate({ prompt: 'short' }, { cache: { ttlMs: 10 } });
    clock.advance(10);
    expect((await model.generate({ prompt: 'short' })).response).toBe('five <- short');
    expect(target.calls).toBe(5);
    expect(stage.stats()).toMatchObject({ bypassed: 1, hits: 1 });
  });

  it('applies to streams too', async () => {
    const parts = [{ type: 'text' as const, text: 'x' }, { type: 'finish' as const }];
    const { model, target } = setupCachedModel({ steps: [{ stream: parts }, { stream: parts }] });

    for (const _ of [1, 2]) {
      const { stream } = await model.stream({ prompt: 'hi' }, { cache: { skip: true } });
      for await (const _part of stream);
    }

    expect(target.calls).toBe(2);
  });

  it('keeps tenants apart with a namespace per call', async () => {
    const { model, target } = setupCachedModel({ steps: answers('one', 'two') });

    await model.generate({ prompt: 'hi' }, { cache: { namespace: 'tenant-a' } });
    const other = await model.generate({ prompt: 'hi' }, { cache: { namespace: 'tenant-b' } });
    const same = await model.generate({ prompt: 'hi' }, { cache: { namespace: 'tenant-a' } });

    expect(other.response).toBe('two <- hi');
    expect(same).toMatchObject({ response: 'one <- hi', targetId: 'cache' });
    expect(target.calls).toBe(2);
  });

  it('is refused before anything is sent when it holds a bad value or an unknown key', async () => {
    const { model, target, stage } = setupCachedModel({ steps: answers('one') });
    const events: string[] = [];
    model.on('cache-miss', (event) => events.push(event.type));

    await expect(model.generate({ prompt: 'hi' }, { cache: { ttlMs: -5 } })).rejects.toMatchObject({
      name: 'InvalidOptionError',
      field: 'cache.ttlMs',
    });
    await expect(
      model.generate({ prompt: 'hi' }, { cache: { refersh: true } as never }),
    ).rejects.toMatchObject({
      field: 'cache.refersh',
      message: expect.stringContaining('did you mean `refresh`'),
    });
    await expect(model.stream({ prompt: 'hi' }, { cache: 'skip' as never })).rejects.toMatchObject({
      field: 'cache',
    });

    expect(target.calls).toBe(0);
    expect(events).toEqual([]);
    expect(stage.stats()).toMatchObject({ misses: 0, bypassed: 0 });
  });

  it('is refused by a model without a cache stage, as any unknown per-call key', async () => {
    const model = createResilientModel({
      binding: scriptedRequestBinding,
      targets: [scriptedTarget('a')],
    });

    await expect(model.generate({ prompt: 'hi' }, { cache: { skip: true } })).rejects.toMatchObject(
      { name: 'InvalidOptionError', field: 'cache' },
    );
  });

  it('wins over what the control option reads from the request', async () => {
    const { model, target } = setupCachedModel({
      steps: answers('one', 'two', 'three'),
      cache: { control: () => ({ skip: true }) },
    });

    await model.generate({ prompt: 'hi' }, { cache: {} });
    const hit = await model.generate({ prompt: 'hi' }, { cache: {} });
    await model.generate({ prompt: 'hi' });

    expect(hit.targetId).toBe('cache');
    expect(target.calls).toBe(2);
  });

  it('leaves withCacheControl working for a request that comes without per-call options', async () => {
    const { model, target } = setupCachedModel({ steps: answers('one', 'two') });

    await model.generate({ prompt: 'hi' });
    const refreshed = await model.generate(withCacheControl({ prompt: 'hi' }, { refresh: true }));

    expect(refreshed).toMatchObject({ response: 'two <- hi', targetId: 'a' });
    expect(target.calls).toBe(2);
  });
});
