import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Binding, createFailure } from '../packages/core/src/binding.ts';
import {
  createResilientModel,
  defaultRetryStageOptions,
  type ResilientModelOptions,
} from '../packages/core/src/index.ts';
import {
  BrokenCircuitError,
  BulkheadPolicy,
  CircuitBreakerPolicy,
  defaultBulkheadOptions,
  defaultConsecutiveStrategy,
  defaultRetryOptions,
  RetryPolicy,
} from '../packages/policies/src/index.ts';

// What the code really does when an option is left out, against the constant that documents it.

/** A function that always fails, counting its calls. */
function failingCall() {
  const call = Object.assign(
    async (): Promise<never> => {
      call.count += 1;
      throw new Error('failed');
    },
    { count: 0 },
  );
  return call;
}

/** Runs a call to its end under fake timers, whatever its outcome. */
async function settle(call: Promise<unknown>): Promise<void> {
  const settled = call.catch(() => undefined);
  await vi.runAllTimersAsync();
  await settled;
}

/** A model over one target whose every call fails with a server error, without a breaker. */
function failingModel(
  options: Pick<ResilientModelOptions<string, string, string, never>, 'retry'>,
) {
  const call = failingCall();
  const binding: Binding<string, string, string, never> = {
    targetId: (target) => target,
    generate: call,
    stream: () => Promise.reject(new Error('not streamed')),
    classify: (error) => createFailure('server', { cause: error }),
    partRole: () => 'content',
  };
  const model = createResilientModel({
    binding,
    targets: ['only'],
    circuitBreaker: false,
    ...options,
  });
  return { call, model };
}

describe('applied defaults', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('RetryPolicy makes defaultRetryOptions.maxAttempts calls', async () => {
    const call = failingCall();
    await settle(new RetryPolicy().execute(call));
    expect(call.count).toBe(defaultRetryOptions.maxAttempts);
  });

  it('a resilient model calls a target defaultRetryStageOptions.maxAttempts times', async () => {
    const { call, model } = failingModel({});
    await settle(model.generate('hello'));
    expect(call.count).toBe(defaultRetryStageOptions.maxAttempts);
  });

  it('a retry option given as undefined takes the stage default, not the policy default', async () => {
    const { call, model } = failingModel({ retry: { maxAttempts: undefined } });
    await settle(model.generate('hello'));
    expect(call.count).toBe(defaultRetryStageOptions.maxAttempts);
  });

  it('BulkheadPolicy runs defaultBulkheadOptions.maxConcurrent calls and queues none', () => {
    const bulkhead = new BulkheadPolicy();
    expect(bulkhead.executionSlots).toBe(defaultBulkheadOptions.maxConcurrent);
    expect(bulkhead.queueSlots).toBe(defaultBulkheadOptions.maxQueued);
  });

  it('CircuitBreakerPolicy opens after defaultConsecutiveStrategy.threshold failures', async () => {
    const breaker = new CircuitBreakerPolicy();
    const fail = () => Promise.reject(new Error('down'));
    for (let failure = 0; failure < defaultConsecutiveStrategy.threshold; failure++)
      await expect(breaker.execute(fail)).rejects.toThrow('down');
    await expect(breaker.execute(fail)).rejects.toSatisfy(BrokenCircuitError.isInstance);
  });
});
