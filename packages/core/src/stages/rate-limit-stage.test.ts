import {
  InvalidOptionError,
  RateLimitWaitTooLongError,
  TimeoutError,
} from '@resilient-llm/policies';
import {
  HttpError,
  noBuiltIns,
  scriptedBinding,
  scriptedTarget,
} from '@resilient-llm/test-utils/scripted-binding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Observation } from '../contract/observation';
import { createResilientModel } from '../pipeline/create-resilient-model';
import { createRateLimitStage, type RateLimitStageOptions } from './rate-limit-stage';

/**
 * A target allowed one request per second whose answers take 200 ms, behind the stage; each
 * call has a 900 ms deadline.
 */
function slowTargetModel(options: RateLimitStageOptions) {
  const target = scriptedTarget('a', { respond: 'one' }, { respond: 'two' });
  const binding = {
    ...scriptedBinding,
    async generate(...args: Parameters<typeof scriptedBinding.generate>) {
      const answer = await scriptedBinding.generate(...args);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return answer;
    },
  };
  const stage = createRateLimitStage({
    requestsPerWindow: 1,
    windowMs: 1000,
    windowKind: 'continuous',
    ...options,
  });
  const model = createResilientModel({
    ...noBuiltIns,
    binding,
    targets: [target],
    stages: [stage],
    timeoutMs: 900,
  });
  return { model, target };
}

function modelReporting(observation: Observation) {
  const binding = { ...scriptedBinding, observe: () => observation, estimateTokens: () => 100 };
  const stage = createRateLimitStage({ tokensPerWindow: 1_000, windowMs: 60_000 });
  const target = scriptedTarget('a', { respond: 'ok' });
  const model = createResilientModel({
    ...noBuiltIns,
    binding,
    targets: [target],
    stages: [stage],
  });
  return { model, tokenLevel: () => stage.limiters.get('a')!.snapshot().tokens.level };
}

describe('the rate-limit stage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('settles a permit on the tokens the response used, refunding the rest of the reservation', async () => {
    const { model, tokenLevel } = modelReporting({
      usage: { inputTokens: 30, outputTokens: 20, cachedInputTokens: 10 },
    });

    await model.generate('hi');

    // 100 reserved, 40 counted (cached input tokens do not count).
    expect(tokenLevel()).toBe(960);
  });

  it('refunds nothing when the provider reported its own remaining tokens', async () => {
    const { model, tokenLevel } = modelReporting({
      rateLimit: { tokens: { limit: 1_000, remaining: 900 } },
      usage: { inputTokens: 30, outputTokens: 20 },
    });

    await model.generate('hi');

    expect(tokenLevel()).toBe(900);
  });

  it('learns from a 429 that the target counts fixed windows, and sends nothing more until the reset', async () => {
    // A gateway whose window of 4 requests opened at 0 and ends at 1000.
    let answered = 0;
    const binding = {
      ...scriptedBinding,
      observe: () => ({
        rateLimit: {
          requests: { limit: 4, remaining: 4 - ++answered, resetMs: 1000 - Date.now() },
        },
      }),
    };
    const stage = createRateLimitStage({
      requestsPerWindow: 4,
      windowMs: 1000,
      maxWaitMs: Infinity,
    });
    const refusal = new HttpError(429, {
      'retry-after-ms': '650',
      'x-ratelimit-limit-requests': '4',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '650ms',
    });
    const answers = ['one', 'two', 'three', 'four'].map((respond) => ({ respond }));
    const target = scriptedTarget('a', ...answers, { fail: refusal }, { respond: 'five' });
    const model = createResilientModel({
      ...noBuiltIns,
      binding,
      targets: [target],
      stages: [stage],
    });
    await Promise.all(['1', '2', '3'].map((request) => model.generate(request)));
    await vi.advanceTimersByTimeAsync(100);
    await model.generate('4');
    // The bucket drips back (continuous, as OpenAI describes its limits) and lets one out early.
    await vi.advanceTimersByTimeAsync(250);
    const early = model.generate('5');
    const waiting = model.generate('6');
    await expect(early).rejects.toMatchObject({ failures: [{ error: refusal }] });
    // The 429's reset (650 ms) is sooner than a bucket of 4 could fill (750 ms): a fixed window.
    expect(stage.limiters.get('a')!.snapshot().requests.refillMode).toBe('fixed-window');
    // The refused request's permit went back, but not to the waiter behind it before the reset.
    await vi.advanceTimersByTimeAsync(649);
    expect(target.signals).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1);
    await expect(waiting).resolves.toMatchObject({ response: 'five <- 6' });
  });

  it('refuses at once a permit that would come too late for the answer, keeping back the observed response time', async () => {
    const { model, target } = slowTargetModel({});
    const first = model.generate('1');
    await vi.advanceTimersByTimeAsync(200);
    await first;
    // The next permit comes at 1000; the answer would take until 1200, past the deadline (1100).
    const late = model.generate('2').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    const error = (await late) as { failures: Array<{ error: unknown }> };
    expect(RateLimitWaitTooLongError.isInstance(error.failures[0]!.error)).toBe(true);
    expect(target.signals).toHaveLength(1);
  });

  it('with no reserve, spends the permit and a request on an answer that cannot arrive in time', async () => {
    const { model, target } = slowTargetModel({ responseTimeReserveMs: 0 });
    const first = model.generate('1');
    await vi.advanceTimersByTimeAsync(200);
    await first;
    const late = model.generate('2').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(900);
    expect(TimeoutError.isInstance(await late)).toBe(true);
    expect(target.signals).toHaveLength(2);
  });

  it('rejects a bad reserve, naming the field', () => {
    expect(() => createRateLimitStage({ responseTimeReserveMs: -1 })).toThrow(InvalidOptionError);
    expect(() =>
      createRateLimitStage({
        targets: { a: { responseTimeReserveMs: 'p90' as unknown as number } },
      }),
    ).toThrow(/rateLimit\.targets\.a\.responseTimeReserveMs/);
  });
});
