import { BulkheadRejectedError } from '@resilient-llm/policies';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timedBinding, timedTarget } from '../../test/timed-binding';
import { AllTargetsFailedError } from '../errors/all-targets-failed-error';
import { createResilientModel } from '../pipeline/create-resilient-model';

describe('local refusals are never evidence against a provider', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a full bulkhead does not open the circuit of a healthy provider', async () => {
    const provider = timedTarget('sim', 200);
    const model = createResilientModel({
      binding: timedBinding,
      targets: [provider],
      bulkhead: { maxConcurrent: 1, maxQueued: 0 },
      circuitBreaker: { strategy: { kind: 'consecutive', threshold: 5 } },
    });

    const burst = Array.from({ length: 6 }, () =>
      model.generate('hi').catch((error: unknown) => error),
    );
    await vi.advanceTimersByTimeAsync(300);
    const results = await Promise.all(burst);
    const refused = results.filter((result) => AllTargetsFailedError.isInstance(result));
    expect(refused).toHaveLength(5);
    const [first] = refused as AllTargetsFailedError[];
    expect(BulkheadRejectedError.isInstance(first!.failures[0]!.error)).toBe(true);
    expect(first!.failures[0]!.failure).toMatchObject({
      kind: 'refused',
      refusal: 'bulkhead-full',
    });
    expect(first!.message).toBe('The only target failed (sim: not tried, its bulkhead is full).');

    const later = model.generate('again');
    await vi.advanceTimersByTimeAsync(200);
    await expect(later).resolves.toMatchObject({ targetId: 'sim', response: 'ok <- again' });
    expect(provider.arrivals).toHaveLength(2);
  });

  it('a rate-limit wait too long does not open the circuit either', async () => {
    const provider = timedTarget('sim', 10);
    const model = createResilientModel({
      binding: timedBinding,
      targets: [provider],
      rateLimit: { requestsPerWindow: 1, windowMs: 60_000, maxWaitMs: 0 },
      circuitBreaker: { strategy: { kind: 'consecutive', threshold: 1 } },
    });

    await vi.advanceTimersByTimeAsync(0);
    const first = model.generate('one');
    await vi.advanceTimersByTimeAsync(10);
    await expect(first).resolves.toMatchObject({ targetId: 'sim' });
    for (let index = 0; index < 3; index++) {
      const error = await model.generate('more').catch((caught: unknown) => caught);
      expect((error as AllTargetsFailedError).message).toBe(
        'The only target failed (sim: not tried, the rate-limit wait was too long).',
      );
    }
    await vi.advanceTimersByTimeAsync(60_000);
    const later = model.generate('later');
    await vi.advanceTimersByTimeAsync(10);
    await expect(later).resolves.toMatchObject({ response: 'ok <- later' });
  });
});
