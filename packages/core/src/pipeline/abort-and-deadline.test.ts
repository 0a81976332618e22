import { AbortedError, TimeoutError } from '@resilient-llm/policies';
import {
  collect,
  noBuiltIns,
  scriptedBinding,
  scriptedTarget,
} from '@resilient-llm/test-utils/scripted-binding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createResilientModel } from './create-resilient-model';

describe('cancellation and the total deadline', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stops the attempt in flight and rejects at once when the caller aborts', async () => {
    const hanging = scriptedTarget('hanging', { hang: true });
    const backup = scriptedTarget('backup', { respond: 'unused' });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [hanging, backup],
    });
    const controller = new AbortController();

    const pending = model.generate('hi', { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('user left'));
    const error = await pending.catch((caught: unknown) => caught);

    expect(AbortedError.isInstance(error)).toBe(true);
    expect((error as AbortedError).cause).toEqual(new Error('user left'));
    expect(hanging.signals[0]!.aborted).toBe(true);
    expect(backup.signals).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once even when the binding ignores the signal', async () => {
    const binding = { ...scriptedBinding, generate: () => new Promise<string>(() => {}) };
    const model = createResilientModel({
      ...noBuiltIns,
      binding,
      targets: [scriptedTarget('deaf')],
    });
    const controller = new AbortController();

    const pending = model.generate('hi', { signal: controller.signal });
    controller.abort();

    await expect(pending).rejects.toSatisfy(AbortedError.isInstance);
  });

  it('rejects without calling any target when the signal has already fired', async () => {
    const target = scriptedTarget('a', { respond: 'unused' });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [target],
    });

    await expect(model.generate('hi', { signal: AbortSignal.abort() })).rejects.toSatisfy(
      AbortedError.isInstance,
    );
    expect(target.signals).toHaveLength(0);
  });

  it('aborts a committed stream when the caller aborts mid-stream', async () => {
    const target = scriptedTarget('a', { stream: [{ type: 'text', text: 'a' }, { hang: true }] });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [target],
    });
    const controller = new AbortController();

    const { stream } = await model.stream('hi', { signal: controller.signal });
    const collecting = collect(stream).catch((caught: unknown) => caught);
    controller.abort();

    expect(AbortedError.isInstance(await collecting)).toBe(true);
    expect(target.signals[0]!.aborted).toBe(true);
    expect(target.closedStreams).toBe(1);
  });

  it('ends a call that outlives its total deadline with a total timeout', async () => {
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [scriptedTarget('slow', { hang: true })],
      timeoutMs: 30_000,
    });

    const pending = model.generate('hi').catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(30_000);
    const error = await pending;

    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: 'total', timeoutMs: 30_000 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('lets one call set its own deadline', async () => {
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [scriptedTarget('slow', { hang: true })],
    });

    const pending = model.generate('hi', { timeoutMs: 50 }).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(50);

    expect(await pending).toMatchObject({ phase: 'total', timeoutMs: 50 });
  });

  it('clears the deadline as soon as a stream is read to its end or cancelled', async () => {
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [
        scriptedTarget(
          'a',
          { stream: [{ type: 'text', text: 'read' }, { type: 'finish' }] },
          { stream: [{ type: 'text', text: 'unread' }, { hang: true }] },
        ),
      ],
    });

    const read = await model.stream('hi');
    expect(vi.getTimerCount()).toBe(1);
    await collect(read.stream);
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);

    const unread = await model.stream('hi');
    expect(vi.getTimerCount()).toBe(1);
    unread.stream.cancel();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('frees the bulkhead slot of an unread stream once its total deadline runs out', async () => {
    const target = scriptedTarget(
      'a',
      { stream: [{ type: 'text', text: 'never read' }, { hang: true }] },
      { respond: 'served' },
    );
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [target],
      bulkhead: { maxConcurrent: 1, maxQueued: 1 },
    });

    await model.stream('hi', { timeoutMs: 1_000 });
    let queued: unknown;
    model.generate('next', { timeoutMs: 60_000 }).then(
      (result) => {
        queued = result;
      },
      (error: unknown) => {
        queued = error;
      },
    );
    await vi.advanceTimersByTimeAsync(1_000);

    expect(target.signals[0]!.reason).toMatchObject({ phase: 'total', timeoutMs: 1_000 });
    expect(queued).toMatchObject({ response: 'served <- next' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no timer behind after a successful call', async () => {
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [scriptedTarget('a', { respond: 'ok' })],
      timeoutMs: 1_000,
    });

    await model.generate('hi');

    expect(vi.getTimerCount()).toBe(0);
  });
});
