import { InvalidOptionError } from '@resilient-llm/policies';
import { scriptedBinding, scriptedTarget } from '@resilient-llm/test-utils/scripted-binding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createResilientModel } from './create-resilient-model';

describe('per-call options', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function model() {
    const target = scriptedTarget('a', { respond: 'ok' });
    return { target, model: createResilientModel({ binding: scriptedBinding, targets: [target] }) };
  }

  it.each([
    ['signal', { signal: 'x' }, 'must be an AbortSignal'],
    ['signal', { signal: {} }, 'must be an AbortSignal'],
    ['timeout', { timeout: 5_000 }, 'did you mean `timeoutMs`?'],
    ['options', null, 'must be an object'],
  ])(
    'reject a bad %s with InvalidOptionError before anything starts, leaving no timer',
    async (field, callOptions, reason) => {
      const { model: resilient, target } = model();

      const error = await resilient
        .generate('hi', callOptions as never)
        .catch((caught: unknown) => caught);

      expect(InvalidOptionError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ field });
      expect((error as Error).message).toContain(reason);
      expect(target.signals).toHaveLength(0);
      expect(vi.getTimerCount()).toBe(0);
    },
  );

  it('reject a bad signal of a stream call the same way', async () => {
    const { model: resilient } = model();

    await expect(resilient.stream('hi', { signal: 'x' } as never)).rejects.toMatchObject({
      field: 'signal',
    });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('accept a real signal and a deadline of their own', async () => {
    const { model: resilient } = model();

    await expect(
      resilient.generate('hi', { signal: new AbortController().signal, timeoutMs: 1_000 }),
    ).resolves.toMatchObject({ targetId: 'a' });
  });
});
