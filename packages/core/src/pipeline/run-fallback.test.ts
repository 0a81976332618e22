import {
  collect,
  HttpError,
  noBuiltIns,
  scriptedBinding,
  scriptedTarget,
} from '@resilient-llm/test-utils/scripted-binding';
import { describe, expect, it } from 'vitest';
import type { PipelineEvent } from '../contract/pipeline-event';
import { AllTargetsFailedError } from '../errors/all-targets-failed-error';
import { createResilientModel } from './create-resilient-model';

describe('fallback over targets', () => {
  it('answers from the first target when it succeeds, after one attempt', async () => {
    const primary = scriptedTarget('primary', { respond: 'hello' });
    const backup = scriptedTarget('backup', { respond: 'unused' });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [primary, backup],
    });

    const result = await model.generate('hi');

    expect(result).toMatchObject({
      response: 'hello <- hi',
      targetId: 'primary',
      targetIndex: 0,
      attempts: 1,
    });
    expect(backup.signals).toHaveLength(0);
  });

  it('tries targets in order and answers from the first that succeeds', async () => {
    const gateway = scriptedTarget('gateway', { fail: new HttpError(503) });
    const direct = scriptedTarget('direct', { fail: new HttpError(429, { 'retry-after': '20' }) });
    const small = scriptedTarget('small-model', { respond: 'ok' });
    const events: PipelineEvent[] = [];
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [gateway, direct, small],
      telemetry: (event) => events.push(event),
    });

    const result = await model.generate('hi');

    expect(result).toMatchObject({ targetId: 'small-model', targetIndex: 2, attempts: 3 });
    const fallbacks = events.filter((event) => event.type === 'fallback');
    expect(
      fallbacks.map((event) => [event.targetId, event.nextTargetId, event.failure.kind]),
    ).toEqual([
      ['gateway', 'direct', 'overloaded'],
      ['direct', 'small-model', 'rate-limited'],
    ]);
    expect(events.map((event) => event.type)).toEqual([
      'call-start',
      'attempt-start',
      'attempt-failure',
      'fallback',
      'attempt-start',
      'attempt-failure',
      'fallback',
      'attempt-start',
      'attempt-success',
      'call-success',
    ]);
  });

  it('ends the call with the error itself when the failure is not fallbackable', async () => {
    const badRequest = new HttpError(400);
    const primary = scriptedTarget('primary', { fail: badRequest });
    const backup = scriptedTarget('backup', { respond: 'unused' });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [primary, backup],
    });

    await expect(model.generate('hi')).rejects.toBe(badRequest);
    expect(backup.signals).toHaveLength(0);
  });

  it('falls over on a context-length failure to a target with a larger window', async () => {
    const small = scriptedTarget('8k', { fail: new HttpError(400, {}, 'context_length_exceeded') });
    const large = scriptedTarget('128k', { respond: 'fits' });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [small, large],
    });

    await expect(model.generate('long prompt')).resolves.toMatchObject({ targetId: '128k' });
  });

  it('reports every target’s error when all fail', async () => {
    const overloaded = new HttpError(529);
    const rateLimited = new HttpError(429, { 'retry-after-ms': '1500' });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [
        scriptedTarget('a', { fail: overloaded }),
        scriptedTarget('b', { fail: rateLimited }),
      ],
    });

    const error = await model.generate('hi').catch((caught: unknown) => caught);

    expect(AllTargetsFailedError.isInstance(error)).toBe(true);
    const allFailed = error as AllTargetsFailedError;
    expect(allFailed.errors).toEqual([overloaded, rateLimited]);
    expect(
      allFailed.failures.map((entry) => [entry.targetId, entry.targetIndex, entry.failure.kind]),
    ).toEqual([
      ['a', 0, 'overloaded'],
      ['b', 1, 'rate-limited'],
    ]);
    expect(allFailed.failures[1]!.failure.retryAfterMs).toBe(1500);
    expect(allFailed.cause).toBe(rateLimited);
    expect(allFailed.message).toContain('a: overloaded');
  });

  it('falls over for streams too, before anything reached the caller', async () => {
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [
        scriptedTarget('a', { fail: new HttpError(502) }),
        scriptedTarget('b', { stream: [{ type: 'text', text: 'x' }, { type: 'finish' }] }),
      ],
    });

    const result = await model.stream('hi');

    expect(result).toMatchObject({ targetId: 'b', attempts: 2 });
    expect(await collect(result.stream)).toEqual([{ type: 'text', text: 'x' }, { type: 'finish' }]);
  });
});
