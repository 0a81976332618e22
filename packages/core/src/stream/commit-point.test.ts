import {
  collect,
  HttpError,
  noBuiltIns,
  scriptedBinding,
  scriptedTarget,
  type TestPart,
} from '@resilient-llm/test-utils/scripted-binding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AllTargetsFailedError } from '../errors/all-targets-failed-error';
import { IncompleteStreamError } from '../errors/incomplete-stream-error';
import { StreamInterruptedError } from '../errors/stream-interrupted-error';
import { createResilientModel } from '../pipeline/create-resilient-model';

const start: TestPart = { type: 'start' };
const text = (value: string): TestPart => ({ type: 'text', text: value });
const finish: TestPart = { type: 'finish', outputTokens: 2 };

describe('the stream commit point', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('falls over invisibly before the first content part, never emitting preamble twice', async () => {
    const flaky = scriptedTarget('flaky', { stream: [start, { throw: new HttpError(500) }] });
    const steady = scriptedTarget('steady', { stream: [start, text('Hel'), text('lo'), finish] });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [flaky, steady],
    });

    const result = await model.stream('hi');

    expect(result.targetId).toBe('steady');
    expect(await collect(result.stream)).toEqual([start, text('Hel'), text('lo'), finish]);
    expect(flaky.closedStreams).toBe(1);
  });

  it('surfaces a failure after the commit point as StreamInterruptedError with the partial output', async () => {
    const dropped = new HttpError(502);
    const primary = scriptedTarget('primary', { stream: [start, text('Hel'), { throw: dropped }] });
    const backup = scriptedTarget('backup', { stream: [text('unused'), finish] });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [primary, backup],
    });

    const { stream } = await model.stream('hi');
    const received: TestPart[] = [];
    const error = await (async () => {
      for await (const part of stream) received.push(part);
    })().catch((caught: unknown) => caught);

    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    const interrupted = error as StreamInterruptedError<TestPart>;
    expect(interrupted.partialParts).toEqual([start, text('Hel')]);
    expect(received).toEqual([start, text('Hel')]);
    expect(interrupted.failure.kind).toBe('server');
    expect(interrupted.cause).toBe(dropped);
    expect(interrupted.targetId).toBe('primary');
    expect(backup.signals).toHaveLength(0);
  });

  it('treats a stream that ends without its finish part as a failure, before and after commit', async () => {
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [
        scriptedTarget('empty', { stream: [start] }),
        scriptedTarget('cut', { stream: [text('partial')] }),
      ],
    });

    const { stream, targetId } = await model.stream('hi');
    const error = await collect(stream).catch((caught: unknown) => caught);

    expect(targetId).toBe('cut');
    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    expect(IncompleteStreamError.isInstance((error as StreamInterruptedError).failure.cause)).toBe(
      true,
    );
    expect((error as StreamInterruptedError).partialParts).toEqual([text('partial')]);
  });

  it('rejects with every target’s error when all streams fail before commit', async () => {
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [
        scriptedTarget('a', { stream: [start] }),
        scriptedTarget('b', { stream: [{ type: 'error', error: new HttpError(503) }] }),
      ],
    });

    const error = await model.stream('hi').catch((caught: unknown) => caught);

    expect(AllTargetsFailedError.isInstance(error)).toBe(true);
    expect((error as AllTargetsFailedError).failures.map((entry) => entry.failure.kind)).toEqual([
      'network',
      'overloaded',
    ]);
  });

  it('turns a stalled first token into a fallback after firstContentTimeoutMs', async () => {
    const stalled = scriptedTarget('stalled', { stream: [start, { hang: true }] });
    const fast = scriptedTarget('fast', { stream: [text('hi'), finish] });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [stalled, fast],
      streamTimeouts: { firstContentTimeoutMs: 5_000 },
    });

    const pending = model.stream('hi');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fast.signals).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    const result = await pending;

    expect(result.targetId).toBe('fast');
    expect(stalled.signals[0]!.aborted).toBe(true);
    expect(await collect(result.stream)).toEqual([text('hi'), finish]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts the time to open the stream against firstContentTimeoutMs', async () => {
    const silent = scriptedTarget('silent', { hang: true });
    const fast = scriptedTarget('fast', { stream: [text('hi'), finish] });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [silent, fast],
      streamTimeouts: { firstContentTimeoutMs: 2_000 },
    });

    const pending = model.stream('hi');
    await vi.advanceTimersByTimeAsync(2_000);
    const result = await pending;

    expect(result.targetId).toBe('fast');
    expect(silent.signals[0]!.reason).toMatchObject({ phase: 'first-token', timeoutMs: 2_000 });
    await collect(result.stream);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('interrupts a committed stream that goes idle for idleTimeoutMs', async () => {
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [scriptedTarget('idle', { stream: [text('a'), { hang: true }] })],
      streamTimeouts: { idleTimeoutMs: 1_000 },
    });

    const { stream } = await model.stream('hi');
    const collecting = collect(stream).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(1_000);
    const error = (await collecting) as StreamInterruptedError;

    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    expect(error.failure).toMatchObject({ kind: 'timeout', phase: 'idle' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('closes the connection when the consumer stops reading early', async () => {
    const target = scriptedTarget('long', { stream: [text('a'), text('b'), text('c'), finish] });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [target],
    });

    const { stream } = await model.stream('hi');
    for await (const part of stream) {
      expect(part).toEqual(text('a'));
      break;
    }

    expect(target.closedStreams).toBe(1);
    expect(target.signals[0]!.aborted).toBe(true);
  });

  it('ends quietly after cancel(), without replaying buffered parts, and closes the connection', async () => {
    const target = scriptedTarget('a', { stream: [start, text('a'), { hang: true }] });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [target],
    });

    const { stream } = await model.stream('hi');
    stream.cancel();

    expect(await collect(stream)).toEqual([]);
    expect(target.signals[0]!.aborted).toBe(true);
    expect(target.closedStreams).toBe(1);
  });

  it('offers the parts as a Web ReadableStream', async () => {
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [scriptedTarget('a', { stream: [start, text('x'), finish] })],
    });

    const { stream } = await model.stream('hi');
    const parts = await collect(stream.toReadableStream());

    expect(parts).toEqual([start, text('x'), finish]);
  });

  it('ends normally when the connection drops after the finish part', async () => {
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [
        scriptedTarget('a', { stream: [text('x'), finish, { throw: new HttpError(500) }] }),
      ],
    });

    const { stream } = await model.stream('hi');
    const parts = await collect(stream);

    expect(parts).toEqual([text('x'), finish]);
  });
});
