import { type Clock, InvalidOptionError, systemClock } from '@resilient-llm/policies';
import {
  HttpError,
  noBuiltIns,
  type ScriptedTarget,
  scriptedBinding,
  scriptedTarget,
  type TestPart,
} from '@resilient-llm/test-utils/scripted-binding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Stage } from '../contract/stage';
import { createResilientModel } from '../pipeline/create-resilient-model';
import { createAttemptTimeoutStage } from './attempt-timeout-stage';
import { createBulkheadStage } from './bulkhead-stage';
import { createCircuitBreakerStage } from './circuit-breaker-stage';
import { createRateLimitStage } from './rate-limit-stage';
import { createRetryStage } from './retry-stage';

type TestStage = Stage<ScriptedTarget, string, string, TestPart>;

const threeCallsNoJitter = { maxAttempts: 3, jitter: 'none', initialDelayMs: 100 } as const;
const opensAfterTwo = {
  strategy: { kind: 'consecutive', threshold: 2 },
  halfOpenAfterMs: 30_000,
} as const;
const serverErrors = (count: number) =>
  Array.from({ length: count }, () => ({ fail: new HttpError(500) }));

/** The model's clock (the global timers, faked), recording every delay it is asked for. */
function recordingClock(): { clock: Clock; delays: number[] } {
  const delays: number[] = [];
  const clock: Clock = {
    ...systemClock,
    setTimeout(callback, delayMs) {
      delays.push(delayMs);
      return systemClock.setTimeout(callback, delayMs);
    },
  };
  return { clock, delays };
}

/** Records when each target is entered and left, with the attempts made on it so far. */
function loggingStage(log: string[]): TestStage {
  return {
    name: 'log',
    async wrapTarget({ request, context, next }) {
      log.push(`log ${context.targetId}> after ${context.targetAttempts} attempts`);
      try {
        const outcome = await next(request);
        log.push(`log ${context.targetId}< answered after ${context.targetAttempts}`);
        return outcome;
      } catch (error) {
        log.push(`log ${context.targetId}< failed after ${context.targetAttempts}`);
        throw error;
      }
    },
  };
}

describe('built-in stages placed by the user', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('run where they are listed, with no wiring: a breaker outside retry, a logging stage between them', async () => {
    const flaky = scriptedTarget('flaky', ...serverErrors(6));
    const steady = scriptedTarget('steady', { respond: '1' }, { respond: '2' }, { respond: '3' });
    const { clock, delays } = recordingClock();
    const log: string[] = [];
    const breaker = createCircuitBreakerStage<ScriptedTarget, string, string, TestPart>(
      opensAfterTwo,
    );
    // Typed once, so that each factory takes its types from the list.
    const stages: TestStage[] = [breaker, loggingStage(log), createRetryStage(threeCallsNoJitter)];
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [flaky, steady],
      clock,
      timeoutMs: Infinity,
      stages,
    });
    model.on('attempt-start', (event) => log.push(`attempt ${event.targetId} #${event.attempt}`));

    const first = model.generate('one');
    await vi.advanceTimersByTimeAsync(300);

    await expect(first).resolves.toMatchObject({ targetId: 'steady', attempts: 4 });
    expect(log).toEqual([
      'log flaky> after 0 attempts',
      'attempt flaky #1',
      'attempt flaky #2',
      'attempt flaky #3',
      'log flaky< failed after 3',
      'log steady> after 0 attempts',
      'attempt steady #1',
      'log steady< answered after 1',
    ]);
    // The retry stage waited on the model's clock, which it learnt at setup.
    expect(delays).toEqual([100, 200]);
    // Outside retry, the breaker saw one failed call, not three failed attempts.
    expect(breaker.breakers.get('flaky')!.state).toBe('closed');

    const second = model.generate('two');
    await vi.advanceTimersByTimeAsync(300);
    await expect(second).resolves.toMatchObject({ targetId: 'steady', attempts: 4 });
    expect(breaker.breakers.get('flaky')!.state).toBe('open');

    log.length = 0;
    await expect(model.generate('three')).resolves.toMatchObject({
      response: '3 <- three',
      targetId: 'steady',
      attempts: 1,
    });
    // The open breaker, outermost, skipped the target before the logging stage saw it.
    expect(log).toEqual([
      'log steady> after 0 attempts',
      'attempt steady #1',
      'log steady< answered after 1',
    ]);
    expect(flaky.signals).toHaveLength(6);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('in their default order open the breaker after attempts, inside the first call', async () => {
    const flaky = scriptedTarget('flaky', ...serverErrors(3));
    const steady = scriptedTarget('steady', { respond: 'ok' });
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [flaky, steady],
      retry: threeCallsNoJitter,
      circuitBreaker: opensAfterTwo,
    });

    const call = model.generate('hi');
    await vi.advanceTimersByTimeAsync(300);

    await expect(call).resolves.toMatchObject({ targetId: 'steady', attempts: 3 });
    // Two failed attempts opened the breaker; the third attempt was refused without a request.
    expect(flaky.signals).toHaveLength(2);
  });

  it('include the rate limiter’s admission check, listed before a bulkhead as the model does', async () => {
    const busy = scriptedTarget('busy', { hang: true });
    const spare = scriptedTarget('spare', { respond: 'ok' });
    const rateLimit = createRateLimitStage<ScriptedTarget, string, string, TestPart>({
      targets: { busy: { requestsPerWindow: 1, windowMs: 60_000, maxWaitMs: 1_000 } },
    });
    const stages: TestStage[] = [
      rateLimit.admission,
      createBulkheadStage({ maxConcurrent: 1, maxQueued: 10 }),
      rateLimit,
    ];
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [busy, spare],
      stages,
    });

    const hanging = model.generate('first', { timeoutMs: 1_000 }).catch((error: unknown) => error);
    // Refused before it queues for the busy target's only slot: it falls over at once.
    await expect(model.generate('second')).resolves.toMatchObject({ targetId: 'spare' });
    expect(busy.signals).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await hanging;
  });

  it('replace the model options of a switched-off built-in with the stage’s own', async () => {
    const target = scriptedTarget('a', ...serverErrors(4), { respond: 'ok' });
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [target],
      stages: [createRetryStage({ ...threeCallsNoJitter, maxAttempts: 5 })],
    });

    const call = model.generate('hi');
    await vi.advanceTimersByTimeAsync(1_500);

    await expect(call).resolves.toMatchObject({ targetId: 'a', attempts: 5 });
  });
});

const factories: Array<[string, () => TestStage]> = [
  ['createRetryStage', () => createRetryStage()],
  ['createCircuitBreakerStage', () => createCircuitBreakerStage()],
  ['createRateLimitStage', () => createRateLimitStage()],
  ['createBulkheadStage', () => createBulkheadStage()],
  ['createAttemptTimeoutStage', () => createAttemptTimeoutStage(1_000)],
];

const modelWith = (stage: TestStage, ...targetIds: string[]) =>
  createResilientModel({
    ...noBuiltIns,
    binding: scriptedBinding,
    targets: (targetIds.length > 0 ? targetIds : ['a']).map((id) => scriptedTarget(id)),
    stages: [stage],
  });

describe.each(factories)('a stage of %s', (_name, create) => {
  it('set up for a second model throws InvalidOptionError', () => {
    const stage = create();
    modelWith(stage);

    expect(() => modelWith(stage)).toThrow(InvalidOptionError);
    expect(() => modelWith(stage)).toThrow(expect.objectContaining({ field: 'stages' }));
  });

  it('run before setup throws, saying it is not set up', async () => {
    const stage = create();

    await expect(async () =>
      stage.wrapTarget!({ request: 'hi', context: {} as never, next: vi.fn() }),
    ).rejects.toThrow(/stage is not set up/);
  });
});

describe('options of a built-in stage', () => {
  it.each([
    [() => createRetryStage({ maxAttempts: 0 }), 'retry.maxAttempts'],
    [() => createCircuitBreakerStage({ halfOpenAfterMs: -1 }), 'circuitBreaker.halfOpenAfterMs'],
    [
      () => createRateLimitStage({ targets: { later: { windowMs: -1 } } }),
      'rateLimit.targets.later.windowMs',
    ],
    [() => createBulkheadStage({ maxConcurrent: 0 }), 'bulkhead.maxConcurrent'],
    [() => createAttemptTimeoutStage(0), 'attemptTimeoutMs'],
  ])(
    'are checked when the stage is created, before it knows its model (%#: %s)',
    (create, field) => {
      expect(create).toThrow(InvalidOptionError);
      expect(create).toThrow(expect.objectContaining({ field }));
    },
  );

  it.each<[string, () => TestStage]>([
    ['circuitBreaker', () => createCircuitBreakerStage({ targets: { nowhere: {} } })],
    ['rateLimit', () => createRateLimitStage({ targets: { nowhere: { maxWaitMs: 5 } } })],
    ['bulkhead', () => createBulkheadStage({ targets: { nowhere: { maxConcurrent: 1 } } })],
  ])(
    'refuse, when the model is built, a %s override for a target the model does not have',
    (prefix, create) => {
      const stage: TestStage = create();

      expect(() => modelWith(stage, 'a', 'b')).toThrow(InvalidOptionError);
      expect(() => modelWith(create(), 'a', 'b')).toThrow(
        expect.objectContaining({ field: `${prefix}.targets`, value: 'nowhere' }),
      );
      expect(() => modelWith(create(), 'a', 'b')).toThrow(/names no target \(targets are a, b\)/);
    },
  );

  it('read an option given as undefined, shared or per target, as its default', () => {
    const bulkhead = createBulkheadStage({
      maxConcurrent: 2,
      maxQueued: undefined,
      targets: { a: { maxConcurrent: undefined } },
    });
    modelWith(bulkhead, 'a', 'b');
    expect(bulkhead.bulkheads.get('a')?.executionSlots).toBe(2);
    expect(bulkhead.bulkheads.get('b')?.executionSlots).toBe(2);
    expect(bulkhead.bulkheads.get('a')?.queueSlots).toBe(0);
  });
});
