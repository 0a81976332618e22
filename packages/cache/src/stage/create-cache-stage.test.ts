import { setupCachedModel } from '@resilient-llm/test-utils/cache-setup';
import { gate, HttpError } from '@resilient-llm/test-utils/scripted-binding';
import { describe, expect, it, vi } from 'vitest';
import { withCacheControl } from './cache-control';
import type { CacheEvent } from './cache-event';

function recordEvents(stage: ReturnType<typeof setupCachedModel>['stage']) {
  const events: CacheEvent[] = [];
  for (const type of [
    'cache-hit',
    'cache-miss',
    'cache-shared',
    'cache-write',
    'cache-skip',
    'cache-bypass',
    'cache-store-error',
    'cache-corrupt-entry',
    'cache-revalidate',
  ] as const)
    stage.on(type, (event) => events.push(event));
  return events;
}

describe('cache stage, generate', () => {
  it('answers an identical request from the store without any upstream call', async () => {
    const { model, target, stage } = setupCachedModel({ steps: [{ respond: 'hello' }] });

    const first = await model.generate({ prompt: 'hi' });
    const second = await model.generate({ prompt: 'hi' });

    expect(first).toMatchObject({ response: 'hello <- hi', targetId: 'a', targetIndex: 0 });
    expect(second).toMatchObject({
      response: 'hello <- hi',
      targetId: 'cache',
      targetIndex: -1,
      target: undefined,
      attempts: 0,
    });
    expect(target.calls).toBe(1);
    expect(stage.stats()).toMatchObject({ hits: 1, misses: 1, writes: 1 });
    expect(stage.stats().bytesRead).toBeGreaterThan(0);
  });

  it('keys on what affects the output: signals, headers and key order never change the key', async () => {
    const { model, target } = setupCachedModel({
      steps: [{ respond: 'one' }, { respond: 'two' }, { respond: 'three' }],
    });

    await model.generate({ prompt: 'hi', temperature: 0 });
    const noisy = await model.generate({
      temperature: 0,
      prompt: 'hi',
      signal: new AbortController().signal,
      headers: { 'x-request-id': 'abc' },
    });
    const otherPrompt = await model.generate({ prompt: 'hello', temperature: 0 });
    const otherTenant = await model.generate(
      withCacheControl({ prompt: 'hi', temperature: 0 }, { namespace: 'tenant-b' }),
    );

    expect(noisy.targetId).toBe('cache');
    expect(otherPrompt.response).toBe('two <- hello');
    expect(otherTenant.response).toBe('three <- hi');
    expect(target.calls).toBe(3);
  });

  it('sends 50 concurrent identical requests upstream once, and all get its answer', async () => {
    const upstream = gate();
    const { model, target, stage } = setupCachedModel({
      steps: [{ respond: 'shared', gate: upstream.promise }],
    });

    const calls = Array.from({ length: 50 }, () => model.generate({ prompt: 'same' }));
    await vi.waitFor(() => expect(stage.stats().shared).toBe(49));
    upstream.open();
    const results = await Promise.all(calls);

    expect(target.calls).toBe(1);
    expect(new Set(results.map((result) => result.response))).toEqual(new Set(['shared <- same']));
    expect(results.filter((result) => result.attempts === 1)).toHaveLength(1);
    expect(stage.stats()).toMatchObject({ misses: 1, shared: 49, hits: 0 });
  });

  it('shares the error of a call in flight with every identical call', async () => {
    const upstream = gate();
    const { model, target, stage } = setupCachedModel({
      steps: [{ fail: new HttpError(400), gate: upstream.promise }, { respond: 'later' }],
    });

    const calls = Array.from({ length: 10 }, () =>
      model.generate({ prompt: 'same' }).then(
        () => 'fulfilled',
        (error: unknown) => error,
      ),
    );
    await vi.waitFor(() => expect(stage.stats().shared).toBe(9));
    upstream.open();
    const outcomes = await Promise.all(calls);

    expect(target.calls).toBe(1);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ status: 400 });
    await expect(model.generate({ prompt: 'same' })).resolves.toMatchObject({ attempts: 1 });
  });

  it('lets identical calls go on when the caller of the call in flight gives up', async () => {
    const { model, target, stage } = setupCachedModel({
      steps: [{ hang: true }, { respond: 'second' }],
    });
    const controller = new AbortController();

    const leader = model.generate({ prompt: 'same' }, { signal: controller.signal });
    await vi.waitFor(() => expect(target.calls).toBe(1));
    const follower = model.generate({ prompt: 'same' });
    await vi.waitFor(() => expect(stage.stats().shared).toBe(1));
    controller.abort(new Error('caller left'));

    await expect(leader).rejects.toThrow();
    await expect(follower).resolves.toMatchObject({ response: 'second <- same' });
    expect(target.calls).toBe(2);
  });

  it('serves until ttlMs passes on the injected clock, then goes upstream again', async () => {
    const { model, target, clock } = setupCachedModel({
      steps: [{ respond: 'old' }, { respond: 'new' }],
      cache: { ttlMs: 60_000 },
    });

    await model.generate({ prompt: 'hi' });
    clock.advance(59_999);
    expect((await model.generate({ prompt: 'hi' })).response).toBe('old <- hi');
    clock.advance(1);
    expect((await model.generate({ prompt: 'hi' })).response).toBe('new <- hi');
    expect(target.calls).toBe(2);
  });

  it('serves a stale answer at once while one background call refreshes it', async () => {
    const { model, target, stage, clock } = setupCachedModel({
      steps: [{ respond: 'old' }, { respond: 'new' }],
      cache: { ttlMs: 1_000, staleWhileRevalidateMs: 10_000 },
    });
    const revalidated = new Promise((resolve) => stage.on('cache-revalidate', resolve));

    await model.generate({ prompt: 'hi' });
    clock.advance(5_000);
    const stale = await model.generate({ prompt: 'hi' });
    await revalidated;
    const fresh = await model.generate({ prompt: 'hi' });

    expect(stale).toMatchObject({ response: 'old <- hi', targetId: 'cache' });
    expect(fresh).toMatchObject({ response: 'new <- hi', targetId: 'cache' });
    expect(target.calls).toBe(2);
    expect(stage.stats()).toMatchObject({ hits: 2, staleHits: 1 });
  });

  it('rejects a call whose control holds a bad value or an unknown key, naming it', async () => {
    expect(() => withCacheControl({ prompt: 'hi' }, { ttlMs: -5 })).toThrow(
      expect.objectContaining({ name: 'InvalidOptionError', field: 'control.ttlMs' }),
    );
    const control = (request: { prompt: string }) =>
      (request.prompt === 'typo' ? { refersh: true } : { skip: 'yes' }) as never;
    const { model, target } = setupCachedModel({ cache: { control } });

    await expect(model.generate({ prompt: 'typo' })).rejects.toMatchObject({
      name: 'InvalidOptionError',
      field: 'control.refersh',
      message: expect.stringContaining('did you mean `refresh`'),
    });
    await expect(model.generate({ prompt: 'other' })).rejects.toMatchObject({
      field: 'control.skip',
    });
    expect(target.calls).toBe(0);
  });

  it('does not cache non-deterministic sampling unless asked to', async () => {
    const { model, target, stage } = setupCachedModel({
      steps: [{ respond: 'one' }, { respond: 'two' }, { respond: 'three' }],
    });
    const events = recordEvents(stage);

    await model.generate({ prompt: 'hi', temperature: 0.7 });
    await model.generate({ prompt: 'hi', temperature: 0.7 });
    const opted = withCacheControl(
      { prompt: 'hi', temperature: 0.7 },
      { cacheNonDeterministic: true },
    );
    await model.generate(opted);
    const again = await model.generate(
      withCacheControl({ prompt: 'hi', temperature: 0.7 }, { cacheNonDeterministic: true }),
    );

    expect(target.calls).toBe(3);
    expect(again.targetId).toBe('cache');
    expect(events.filter((event) => event.type === 'cache-bypass')).toEqual([
      { type: 'cache-bypass', stage: 'cache', reason: 'non-deterministic', error: undefined },
      { type: 'cache-bypass', stage: 'cache', reason: 'non-deterministic', error: undefined },
    ]);
  });

  it('skips an entry larger than maxEntryBytes', async () => {
    const { model, target, stage } = setupCachedModel({
      steps: [{ respond: 'x'.repeat(2_000) }, { respond: 'y' }],
      cache: { maxEntryBytes: 1_000 },
    });
    const events = recordEvents(stage);

    await model.generate({ prompt: 'hi' });
    await model.generate({ prompt: 'hi' });

    expect(target.calls).toBe(2);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'cache-skip', reason: 'oversize' }),
    );
  });
});
