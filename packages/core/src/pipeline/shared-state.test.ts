import {
  BrokenCircuitError,
  InvalidOptionError,
  MemorySharedState,
  type SharedState,
} from '@resilient-llm/policies';
import { FaultySharedState } from '@resilient-llm/test-utils/faulty-shared-state';
import { HttpError } from '@resilient-llm/test-utils/scripted-binding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyError } from '../binding';
import type { GenerateBinding } from '../contract/binding';
import type { PipelineEvent } from '../contract/pipeline-event';
import type { Stage } from '../contract/stage';
import { createResilientModel } from './create-resilient-model';
import type { ResilientModelOptions } from './model-options';

/**
 * A provider allowing `limit` requests per second, refilled continuously: what it refuses is
 * answered with a 429 asking for `retryAfterMs`; `failing` targets answer 500.
 */
function provider({ limit = Infinity, retryAfterMs = 1000 } = {}) {
  let level = limit;
  let updatedAt = Date.now();
  const received: { target: string; at: number }[] = [];
  const failing = new Set<string>();
  const refusals: { retryAfterMs: number }[] = [];
  const binding: GenerateBinding<string, string, string> = {
    targetId: (target) => target,
    async generate(target, prompt) {
      const now = Date.now();
      level = Math.min(limit, level + ((now - updatedAt) * limit) / 1000);
      updatedAt = now;
      received.push({ target, at: now });
      if (failing.has(target)) throw new HttpError(500);
      const scripted = refusals.shift();
      if (scripted || level < 1 - 1e-6) {
        const wait = scripted?.retryAfterMs ?? retryAfterMs;
        throw new HttpError(429, { 'retry-after-ms': String(wait) });
      }
      level -= 1;
      return `${target}: ${prompt}`;
    },
    classify: (error) => classifyError(error),
  };
  return { binding, received, failing, refusals };
}

type Options = Omit<ResilientModelOptions<string, string, string, never>, 'binding'>;

/** One process's model of the fleet. */
function processModel(
  binding: GenerateBinding<string, string, string>,
  sharedState: SharedState | undefined,
  options: Partial<Options> = {},
) {
  return createResilientModel({
    binding,
    targets: ['main'],
    retry: false,
    rateLimit: { requestsPerWindow: 3, windowMs: 1000, windowKind: 'continuous' },
    ...(sharedState && { sharedState }),
    ...options,
  });
}

/** Settles every call, whatever its outcome. */
async function settleAll(calls: Promise<unknown>[]) {
  const settled = Promise.allSettled(calls);
  await vi.runAllTimersAsync();
  return settled;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('sharedState', () => {
  it('keeps two processes together under the provider’s limit, which each alone would exceed', async () => {
    const run = async (sharedState: SharedState | undefined) => {
      const { binding, received } = provider({ limit: 3 });
      const models = [processModel(binding, sharedState), processModel(binding, sharedState)];
      const calls = models.flatMap((model) => ['1', '2', '3'].map((p) => model.generate(p)));
      const settled = await settleAll(calls);
      return { settled, received };
    };
    const together = await run(new MemorySharedState());
    expect(together.settled.every(({ status }) => status === 'fulfilled')).toBe(true);
    expect(together.received).toHaveLength(6);
    // Three at once, then one every 333 ms as the bucket drips back.
    expect(together.received.filter(({ at }) => at === 1_000_000)).toHaveLength(3);

    const alone = await run(undefined);
    expect(alone.settled.filter(({ status }) => status === 'rejected')).toHaveLength(3);
  });

  it('pauses the other process at once when one gets a 429', async () => {
    const { binding, received, refusals } = provider();
    const sharedState = new MemorySharedState();
    const a = processModel(binding, sharedState, { rateLimit: {} });
    const b = processModel(binding, sharedState, { rateLimit: {} });
    refusals.push({ retryAfterMs: 2000 });
    await expect(a.generate('1')).rejects.toThrow();
    await vi.advanceTimersByTimeAsync(0);
    const waiting = b.generate('2');
    await vi.advanceTimersByTimeAsync(1999);
    expect(received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(waiting).resolves.toMatchObject({ response: 'main: 2' });
  });

  it('opens a target’s breaker in every process once it opens in one', async () => {
    const { binding, received, failing } = provider();
    const sharedState = new MemorySharedState();
    const options = {
      targets: ['main', 'backup'],
      circuitBreaker: { strategy: { kind: 'consecutive', threshold: 1 } },
    } as const;
    const a = processModel(binding, sharedState, options);
    const b = processModel(binding, sharedState, options);
    failing.add('main');
    await expect(a.generate('1')).resolves.toMatchObject({ targetId: 'backup' });
    await vi.advanceTimersByTimeAsync(0);
    const result = await b.generate('2');
    expect(result).toMatchObject({ targetId: 'backup' });
    expect(received.filter(({ target }) => target === 'main')).toHaveLength(1);
  });

  describe('when the shared state fails', () => {
    it.each([{ kind: 'rejecting' }, { kind: 'hanging' }, { kind: 'slow', delayMs: 1000 }] as const)(
      'every call still succeeds when it is $kind, and the model tells',
      async (behaviour) => {
        const { binding } = provider();
        const sharedState = new FaultySharedState(new MemorySharedState());
        const events: PipelineEvent[] = [];
        const model = processModel(binding, sharedState, {
          targets: ['main', 'backup'],
          telemetry: (event) => {
            if (event.type.startsWith('shared-state')) events.push(event);
          },
        });
        await vi.advanceTimersByTimeAsync(0);
        sharedState.behaviour = behaviour;
        const calls = ['1', '2', '3', '4'].map((prompt) => model.generate(prompt));
        const settled = await settleAll(calls);
        expect(settled.every(({ status }) => status === 'fulfilled')).toBe(true);
        expect(events[0]).toMatchObject({
          type: 'shared-state-fallback',
          targetId: 'main',
          targetIndex: 0,
          policy: 'rate-limit',
          operation: 'rate-limit',
          key: 'rate-limit:main',
        });

        sharedState.behaviour = { kind: 'healthy' };
        await vi.advanceTimersByTimeAsync(5000);
        await model.generate('5');
        expect(events.at(-1)).toMatchObject({
          type: 'shared-state-rejoined',
          targetId: 'main',
          policy: 'rate-limit',
          key: 'rate-limit:main',
        });
        await vi.runAllTimersAsync();
        expect(vi.getTimerCount()).toBe(0);
      },
    );
  });

  it('waits for a slow shared state as long as rateLimit.shared.timeoutMs says, without falling back', async () => {
    const { binding, received } = provider();
    const sharedState = new FaultySharedState(new MemorySharedState());
    const events: PipelineEvent[] = [];
    const model = processModel(binding, sharedState, {
      rateLimit: {
        requestsPerWindow: 3,
        windowMs: 1000,
        windowKind: 'continuous',
        shared: { timeoutMs: 500 },
      },
      telemetry: (event) => {
        if (event.type.startsWith('shared-state')) events.push(event);
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    // Slower than the default 100 ms, within the 500 configured.
    sharedState.behaviour = { kind: 'slow', delayMs: 300 };
    const settled = await settleAll(['1', '2', '3'].map((prompt) => model.generate(prompt)));
    expect(settled.every(({ status }) => status === 'fulfilled')).toBe(true);
    expect(received).toHaveLength(3);
    expect(events).toEqual([]);
    await vi.runAllTimersAsync();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits for a slow shared state as long as circuitBreaker.shared.timeoutMs says, without falling back', async () => {
    const { binding, received, failing } = provider();
    failing.add('main');
    const sharedState = new FaultySharedState(new MemorySharedState());
    const events: PipelineEvent[] = [];
    const model = processModel(binding, sharedState, {
      rateLimit: false,
      circuitBreaker: {
        strategy: { kind: 'consecutive', threshold: 1 },
        shared: { timeoutMs: 500 },
      },
      telemetry: (event) => {
        if (event.type.startsWith('shared-state')) events.push(event);
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    // Slower than the default 100 ms, within the 500 configured: opening the fleet's breaker
    // waits for it rather than falling back to local state.
    sharedState.behaviour = { kind: 'slow', delayMs: 300 };
    const [first] = await settleAll([model.generate('1')]);
    expect(first).toMatchObject({ status: 'rejected' });
    const [second] = await settleAll([model.generate('2')]);
    expect(second).toMatchObject({ status: 'rejected' });
    expect(received).toHaveLength(1);
    expect(events).toEqual([]);
    await vi.runAllTimersAsync();
    expect(vi.getTimerCount()).toBe(0);
  });

  for (const stage of ['rateLimit', 'circuitBreaker'] as const) {
    it(`refuses bad ${stage}.shared values when the model is built, with or without a shared state`, () => {
      const { binding } = provider();
      for (const sharedState of [undefined, new MemorySharedState()]) {
        const build = (shared: unknown) =>
          processModel(binding, sharedState, { [stage]: { shared } as never });
        expect(() => build({ timeoutMs: 0 })).toThrow(new RegExp(`${stage}\\.shared\\.timeoutMs`));
        expect(() => build({ rejoinAfterMs: -1 })).toThrow(
          new RegExp(`${stage}\\.shared\\.rejoinAfterMs`),
        );
        expect(() => build({ timeout: 500 })).toThrow(new RegExp(`${stage}\\.shared`));
        expect(() =>
          processModel(binding, sharedState, {
            [stage]: { targets: { main: { shared: { timeoutMs: Number.NaN } } } },
          }),
        ).toThrow(new RegExp(`${stage}\\.targets\\.main\\.shared\\.timeoutMs`));
        expect(() => build({ timeoutMs: 1000, rejoinAfterMs: 0 })).not.toThrow();
      }
    });
  }

  it('hands the shared state to custom stages at setup', () => {
    const sharedState = new MemorySharedState();
    const setup = vi.fn();
    const stage: Stage<string, string, string, never> = { name: 'custom', setup };
    processModel(provider().binding, sharedState, { stages: [stage] });
    expect(setup).toHaveBeenCalledWith(expect.objectContaining({ sharedState }));
  });

  it('refuses a shared state without its methods, naming it', () => {
    const { binding } = provider();
    const build = (sharedState: unknown) =>
      processModel(binding, undefined, { sharedState: sharedState as SharedState });
    expect(() => build('redis://localhost')).toThrow(InvalidOptionError);
    expect(() => build('redis://localhost')).toThrow(/sharedState/);
    const withoutLease = { rateLimit() {}, readBreaker() {}, openBreaker() {}, closeBreaker() {} };
    expect(() => build(withoutLease)).toThrow(/sharedState\.leaseProbe/);
    expect(() => build({ ...withoutLease, leaseProbe() {}, close: 'now' })).toThrow(
      /sharedState\.close/,
    );
    expect(() =>
      createResilientModel({ binding, targets: ['main'], sharedStat: {} } as never),
    ).toThrow(/sharedState/);
    expect(() =>
      processModel(binding, undefined, {
        circuitBreaker: { shared: { state: new MemorySharedState(), key: 'k' } } as never,
      }),
    ).toThrow(InvalidOptionError);
  });

  it('lets a refused call through to the next target, not fail, while the breaker is open elsewhere', async () => {
    const { binding, failing } = provider();
    const sharedState = new MemorySharedState();
    const options = {
      circuitBreaker: { strategy: { kind: 'consecutive', threshold: 1 } },
    } as const;
    const a = processModel(binding, sharedState, options);
    const b = processModel(binding, sharedState, options);
    failing.add('main');
    await expect(a.generate('1')).rejects.toThrow();
    await vi.advanceTimersByTimeAsync(0);
    await expect(b.generate('2')).rejects.toMatchObject({
      failures: [{ error: expect.any(BrokenCircuitError) }],
    });
  });
});
