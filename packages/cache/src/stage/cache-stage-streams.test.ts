import { StreamInterruptedError } from '@resilient-llm/core';
import { setupCachedModel } from '@resilient-llm/test-utils/cache-setup';
import {
  collect,
  gate,
  HttpError,
  type TestPart,
} from '@resilient-llm/test-utils/scripted-binding';
import { describe, expect, it, vi } from 'vitest';

const answer: TestPart[] = [
  { type: 'start' },
  { type: 'text', text: 'Hel' },
  { type: 'text', text: 'lo' },
  { type: 'finish', outputTokens: 2 },
];

describe('cache stage, streams', () => {
  it('replays a completed stream part for part without an upstream call', async () => {
    const { model, target } = setupCachedModel({ steps: [{ stream: answer }] });

    const first = await model.stream({ prompt: 'hi' });
    const firstParts = await collect(first.stream);
    const second = await model.stream({ prompt: 'hi' });
    const secondParts = await collect(second.stream);

    expect(firstParts).toEqual(answer);
    expect(secondParts).toEqual(answer);
    expect(second).toMatchObject({ targetId: 'cache', targetIndex: -1, attempts: 0 });
    expect(target.calls).toBe(1);
  });

  it('keeps generate and stream answers apart', async () => {
    const { model, target } = setupCachedModel({
      steps: [{ respond: 'plain' }, { stream: answer }],
    });

    await model.generate({ prompt: 'hi' });
    const streamed = await model.stream({ prompt: 'hi' });

    expect(await collect(streamed.stream)).toEqual(answer);
    expect(target.calls).toBe(2);
  });

  it('never stores a stream interrupted after its commit point', async () => {
    const { model, target, stage } = setupCachedModel({
      steps: [
        { stream: [{ type: 'text', text: 'Hel' }, { throw: new HttpError(503) }] },
        { stream: answer },
      ],
    });
    const skipped = new Promise((resolve) => stage.on('cache-skip', resolve));

    const first = await model.stream({ prompt: 'hi' });
    const failure = await collect(first.stream).catch((error: unknown) => error);
    await skipped;
    const second = await model.stream({ prompt: 'hi' });

    expect(StreamInterruptedError.isInstance(failure)).toBe(true);
    expect(second.targetId).toBe('a');
    expect(await collect(second.stream)).toEqual(answer);
    expect(target.calls).toBe(2);
  });

  it('never stores a stream its reader stopped early', async () => {
    const { model, target } = setupCachedModel({ steps: [{ stream: answer }, { stream: answer }] });

    const first = await model.stream({ prompt: 'hi' });
    for await (const _ of first.stream) break;
    const second = await model.stream({ prompt: 'hi' });

    expect(second.targetId).toBe('a');
    expect(await collect(second.stream)).toEqual(answer);
    expect(target.calls).toBe(2);
  });

  it('lets identical streams wait for the first one and replay its recording', async () => {
    const upstream = gate();
    const { model, target, stage } = setupCachedModel({
      steps: [{ stream: answer, gate: upstream.promise }],
    });

    const calls = Array.from({ length: 5 }, () => model.stream({ prompt: 'same' }));
    await vi.waitFor(() => expect(stage.stats().shared).toBe(4));
    upstream.open();
    // Whichever call leads, reading every stream at once lets the leader's recording finish.
    const results = await Promise.all(
      calls.map(async (call) => {
        const { stream, targetId } = await call;
        return { targetId, parts: await collect(stream) };
      }),
    );

    for (const { parts } of results) expect(parts).toEqual(answer);
    expect(results.filter(({ targetId }) => targetId === 'cache')).toHaveLength(4);
    expect(target.calls).toBe(1);
    expect(stage.stats()).toMatchObject({ shared: 4, hits: 0, misses: 1 });
  });

  it('sends waiting identical streams upstream when the first one is interrupted', async () => {
    const upstream = gate();
    const { model, target, stage } = setupCachedModel({
      steps: [
        {
          stream: [{ type: 'text', text: 'x' }, { throw: new HttpError(503) }],
          gate: upstream.promise,
        },
        { stream: answer },
      ],
    });

    const leader = model.stream({ prompt: 'same' });
    await vi.waitFor(() => expect(target.calls).toBe(1));
    const follower = model.stream({ prompt: 'same' });
    await vi.waitFor(() => expect(stage.stats().shared).toBe(1));
    upstream.open();
    await collect((await leader).stream).catch(() => {});

    expect(await collect((await follower).stream)).toEqual(answer);
    expect(target.calls).toBe(2);
  });
});

describe('cache stage, a stream nobody reads', () => {
  it('stops holding identical calls once its caller gives up on it', async () => {
    const { model, target, stage } = setupCachedModel({
      steps: [{ stream: answer }, { stream: answer }],
    });
    const controller = new AbortController();

    const unread = await model.stream({ prompt: 'same' }, { signal: controller.signal });
    const waiting = model.stream({ prompt: 'same' });
    await vi.waitFor(() => expect(stage.stats().shared).toBe(1));
    controller.abort(new Error('caller left without reading'));
    const follower = await waiting;

    expect(follower.targetId).toBe('a');
    expect(await collect(follower.stream)).toEqual(answer);
    expect(target.calls).toBe(2);
    unread.stream.cancel();
  });

  it('lets a waiting call go when its own signal fires', async () => {
    const { model, stage } = setupCachedModel({ steps: [{ stream: answer }] });
    const controller = new AbortController();

    const unread = await model.stream({ prompt: 'same' });
    const waiting = model.stream({ prompt: 'same' }, { signal: controller.signal });
    await vi.waitFor(() => expect(stage.stats().shared).toBe(1));
    controller.abort(new Error('follower left'));

    await expect(waiting).rejects.toThrow();
    unread.stream.cancel();
  });
});
