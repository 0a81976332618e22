import {
  BrokenCircuitError,
  InvalidOptionError,
  RateLimitWaitTooLongError,
} from '@resilient-llm/policies';
import {
  collect,
  HttpError,
  scriptedBinding,
  scriptedTarget,
  type TestPart,
} from '@resilient-llm/test-utils/scripted-binding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AllTargetsFailedError } from '../errors/all-targets-failed-error';
import { createResilientModel } from '../pipeline/create-resilient-model';

const rateLimited = (retryAfterSeconds: number) =>
  new HttpError(429, { 'retry-after': String(retryAfterSeconds) });
const noJitter = { jitter: 'none', initialDelayMs: 100 } as const;

describe('built-in stages in the pipeline', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries a target by default (3 calls) and answers from it', async () => {
    const target = scriptedTarget(
      'a',
      { fail: new HttpError(500) },
      { fail: new HttpError(502) },
      { respond: 'ok' },
    );
    const model = createResilientModel({ binding: scriptedBinding, targets: [target] });

    const pending = model.generate('hi');
    await vi.advanceTimersByTimeAsync(10_000);

    await expect(pending).resolves.toMatchObject({ targetId: 'a', attempts: 3 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never starts the next attempt before the server-requested delay', async () => {
    const target = scriptedTarget('a', { fail: rateLimited(5) }, { respond: 'ok' });
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [target],
      retry: noJitter,
    });

    const pending = model.generate('hi');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(target.signals).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);

    await expect(pending).resolves.toMatchObject({ targetId: 'a', attempts: 2 });
  });

  it('falls over at once when the server asks for longer than maxServerDelayMs', async () => {
    const gateway = scriptedTarget('gateway', { fail: rateLimited(120) });
    const direct = scriptedTarget('direct', { respond: 'ok' });
    const model = createResilientModel({ binding: scriptedBinding, targets: [gateway, direct] });

    const result = await model.generate('hi');

    expect(result).toMatchObject({ targetId: 'direct', attempts: 2 });
  });

  it('does not start a wait that would end past the call’s deadline', async () => {
    const gateway = scriptedTarget('gateway', { fail: rateLimited(10) });
    const direct = scriptedTarget('direct', { respond: 'ok' });
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [gateway, direct],
      timeoutMs: 5_000,
    });

    await expect(model.generate('hi')).resolves.toMatchObject({ targetId: 'direct' });
  });

  it('does not retry what cannot succeed on retry, and falls over when another target may', async () => {
    const small = scriptedTarget('8k', { fail: new HttpError(400, {}, 'context_length_exceeded') });
    const large = scriptedTarget('128k', { respond: 'ok' });
    const model = createResilientModel({ binding: scriptedBinding, targets: [small, large] });

    await expect(model.generate('hi')).resolves.toMatchObject({ targetId: '128k', attempts: 2 });
    expect(small.signals).toHaveLength(1);
  });

  it('skips a target whose breaker is open without calling it', async () => {
    const flaky = scriptedTarget(
      'flaky',
      { fail: new HttpError(503) },
      { fail: new HttpError(503) },
    );
    const steady = scriptedTarget('steady', { respond: '1' }, { respond: '2' }, { respond: '3' });
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [flaky, steady],
      retry: false,
      circuitBreaker: { strategy: { kind: 'consecutive', threshold: 2 }, halfOpenAfterMs: 30_000 },
    });

    await model.generate('hi');
    await model.generate('hi');
    const events: string[] = [];
    model.on('fallback', (event) => events.push(`${event.targetId}: ${event.failure.message}`));
    const third = await model.generate('hi');

    expect(third.targetId).toBe('steady');
    expect(flaky.signals).toHaveLength(2);
    expect(events[0]).toMatch(/^flaky: The circuit is open/);
  });

  it('reports an open breaker’s retryAfterMs when every target is unavailable', async () => {
    const only = scriptedTarget('only', { fail: new HttpError(500) });
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [only],
      retry: false,
      circuitBreaker: { strategy: { kind: 'consecutive', threshold: 1 }, halfOpenAfterMs: 10_000 },
    });

    await model.generate('hi').catch(() => {});
    await vi.advanceTimersByTimeAsync(4_000);
    const error = (await model
      .generate('hi')
      .catch((caught: unknown) => caught)) as AllTargetsFailedError;

    expect(AllTargetsFailedError.isInstance(error)).toBe(true);
    expect(BrokenCircuitError.isInstance(error.errors[0])).toBe(true);
    expect(error.failures[0]!.failure.retryAfterMs).toBe(6_000);
  });

  it('moves a call to the next target when the rate-limit wait exceeds its budget', async () => {
    const gateway = scriptedTarget('gateway', { hang: true });
    const direct = scriptedTarget('direct', { respond: 'ok' });
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [gateway, direct],
      rateLimit: {
        targets: { gateway: { requestsPerWindow: 1, windowMs: 60_000, maxWaitMs: 1_000 } },
      },
    });

    void model.generate('first', { timeoutMs: 1_000 }).catch(() => {});
    const second = await model.generate('second');

    expect(second.targetId).toBe('direct');
    expect(gateway.signals).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
  });

  it('pauses the whole target after a 429, so later calls skip it instead of hitting it', async () => {
    const gateway = scriptedTarget('gateway', { fail: rateLimited(20) });
    const direct = scriptedTarget('direct', { respond: '1' }, { respond: '2' });
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [gateway, direct],
      retry: false,
      rateLimit: { maxWaitMs: 1_000 },
    });

    await model.generate('first');
    const failures: unknown[] = [];
    model.on('fallback', (event) => failures.push(event.failure.cause));
    const second = await model.generate('second');

    expect(second.targetId).toBe('direct');
    expect(gateway.signals).toHaveLength(1);
    expect(RateLimitWaitTooLongError.isInstance(failures[0])).toBe(true);
  });

  it('holds a bulkhead slot for a stream until it ends', async () => {
    const busy = scriptedTarget(
      'busy',
      { stream: [{ type: 'text', text: 'a' }, { type: 'finish' }] },
      { respond: 'later' },
    );
    const spare = scriptedTarget('spare', { respond: 'spare' });
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [busy, spare],
      bulkhead: { maxConcurrent: 1, maxQueued: 0 },
    });

    const { stream } = await model.stream('long');
    const whileStreaming = await model.generate('hi');
    const parts: TestPart[] = await collect(stream);
    const afterwards = await model.generate('hi');

    expect(whileStreaming.targetId).toBe('spare');
    expect(parts).toHaveLength(2);
    expect(afterwards.targetId).toBe('busy');
  });

  it('bounds each attempt with attemptTimeoutMs and retries after it', async () => {
    const target = scriptedTarget('a', { hang: true }, { respond: 'ok' });
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [target],
      attemptTimeoutMs: 1_000,
      retry: noJitter,
    });

    const pending = model.generate('hi');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(target.signals[0]!.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(100);

    await expect(pending).resolves.toMatchObject({ attempts: 2 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    [{ retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
    [{ retry: { jitter: 'some' } }, 'retry.jitter'],
    [{ rateLimit: { targets: { nowhere: {} } } }, 'rateLimit.targets'],
    [{ rateLimit: { targets: { a: { windowMs: -1 } } } }, 'rateLimit.targets.a.windowMs'],
    [{ circuitBreaker: { halfOpenAfterMs: 'soon' } }, 'circuitBreaker.halfOpenAfterMs'],
    [{ bulkhead: { maxConcurrent: 0 } }, 'bulkhead.maxConcurrent'],
    [{ attemptTimeoutMs: -1 }, 'attemptTimeoutMs'],
    [{ retry: 'yes' }, 'retry'],
  ])('rejects %j naming %s', (overrides, field) => {
    const build = () =>
      createResilientModel({
        binding: scriptedBinding,
        targets: [scriptedTarget('a')],
        ...(overrides as object),
      });

    expect(build).toThrow(InvalidOptionError);
    expect(() => build()).toThrow(expect.objectContaining({ field }));
  });
});
