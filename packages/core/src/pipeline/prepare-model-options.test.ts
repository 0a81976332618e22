import { InvalidOptionError } from '@resilient-llm/policies';
import { scriptedBinding, scriptedTarget } from '@resilient-llm/test-utils/scripted-binding';
import { describe, expect, it } from 'vitest';
import { createResilientModel } from './create-resilient-model';
import type { ResilientModelOptions } from './model-options';

type Options = ResilientModelOptions<ReturnType<typeof scriptedTarget>, string, string, unknown>;

function optionsWith(overrides: Record<string, unknown>): Options {
  return {
    binding: scriptedBinding,
    targets: [scriptedTarget('a')],
    ...overrides,
  } as unknown as Options;
}

describe('option validation at construction', () => {
  it.each([
    ['targets', { targets: [] }, 'an empty array'],
    ['targets', { targets: 'a' }, '"a"'],
    ['targets[1]', { targets: [scriptedTarget('a'), scriptedTarget('a')] }, '"a"'],
    ['timeoutMs', { timeoutMs: -5 }, '-5'],
    ['timeoutMs', { timeoutMs: Number.NaN }, 'NaN'],
    ['streamTimeouts.firstContentTimeoutMs', { streamTimeouts: { firstContentTimeoutMs: 0 } }, '0'],
    ['streamTimeouts.idleTimeoutMs', { streamTimeouts: { idleTimeoutMs: '5s' } }, '"5s"'],
    ['stages', { stages: {} }, 'an empty object'],
    ['stages[0].name', { stages: [{ wrapCall: () => {} }] }, 'undefined'],
    ['stages[0].wrapTarget', { stages: [{ name: 'x', wrapTarget: 3 }] }, '3'],
    ['binding', { binding: undefined }, 'undefined'],
    ['binding.classify', { binding: { ...scriptedBinding, classify: undefined } }, 'undefined'],
    ['clock.now', { clock: { setTimeout, clearTimeout } }, 'undefined'],
    ['telemetry', { telemetry: 'yes' }, '"yes"'],
  ])('rejects a bad %s, naming the field and the value', (field, overrides, shownValue) => {
    const build = () => createResilientModel(optionsWith(overrides));

    expect(build).toThrow(InvalidOptionError);
    try {
      build();
    } catch (error) {
      expect(error).toMatchObject({ field });
      expect((error as Error).message).toContain(`Invalid option ${field}: ${shownValue}`);
    }
  });

  it.each([
    ['timeout', { timeout: 5_000 }, 'timeoutMs'],
    ['maxAttempts', { maxAttempts: 1 }, undefined],
    ['fallbacks', { fallbacks: [scriptedTarget('b')] }, undefined],
    ['retry.maxAttemps', { retry: { maxAttemps: 1 } }, 'maxAttempts'],
    ['retry.shouldRetry', { retry: { shouldRetry: () => true } }, undefined],
    ['circuitBreaker.treshold', { circuitBreaker: { treshold: 2 } }, undefined],
    [
      'circuitBreaker.strategy.treshold',
      { circuitBreaker: { strategy: { kind: 'consecutive', treshold: 2 } } },
      'threshold',
    ],
    ['circuitBreaker.countedKind', { circuitBreaker: { countedKind: ['server'] } }, 'countedKinds'],
    ['rateLimit.rpm', { rateLimit: { rpm: 60 } }, undefined],
    ['rateLimit.targets.a.rpm', { rateLimit: { targets: { a: { rpm: 60 } } } }, undefined],
    ['rateLimit.targets.a.maxWait', { rateLimit: { targets: { a: { maxWait: 1 } } } }, 'maxWaitMs'],
    ['bulkhead.maxConcurent', { bulkhead: { maxConcurent: 1 } }, 'maxConcurrent'],
    ['streamTimeouts.idleTimeout', { streamTimeouts: { idleTimeout: 5 } }, 'idleTimeoutMs'],
  ])(
    'refuses the unknown key %s, suggesting the option it most likely means',
    (field, overrides, suggestion) => {
      const build = () => createResilientModel(optionsWith(overrides));

      expect(build).toThrow(expect.objectContaining({ field }));
      expect(build).toThrow(
        suggestion === undefined ? /\(known: / : `did you mean \`${suggestion}\`?`,
      );
    },
  );

  it('refuses a typo instead of running with the default it hides (retry.maxAttemps made 3 calls)', () => {
    const target = scriptedTarget('a', { fail: new Error('boom') });

    expect(() =>
      createResilientModel(optionsWith({ targets: [target], retry: { maxAttemps: 1 } })),
    ).toThrow(InvalidOptionError);
    expect(target.signals).toHaveLength(0);
  });

  it.each([
    ['circuitBreaker.countedKinds', { circuitBreaker: { countedKinds: 5 } }],
    ['circuitBreaker.countedKinds', { circuitBreaker: { countedKinds: 'server' } }],
    ['circuitBreaker.countedKinds[1]', { circuitBreaker: { countedKinds: ['server', 'bogus'] } }],
    ['retry.budget.recordCall', { retry: { budget: {} } }],
  ])(
    'refuses %s of the wrong type with InvalidOptionError, never a TypeError',
    (field, overrides) => {
      const build = () => createResilientModel(optionsWith(overrides));

      expect(build).toThrow(InvalidOptionError);
      expect(build).toThrow(expect.objectContaining({ field }));
    },
  );

  it('refuses a bad shared value even where every target overrides it, and reports it where it was written', () => {
    const build = (overrides: Record<string, unknown>) => () =>
      createResilientModel(optionsWith(overrides));

    expect(build({ bulkhead: { maxConcurrent: 0, targets: { a: { maxConcurrent: 2 } } } })).toThrow(
      expect.objectContaining({ field: 'bulkhead.maxConcurrent' }),
    );
    expect(build({ rateLimit: { windowMs: -1, targets: { a: { maxWaitMs: 10 } } } })).toThrow(
      expect.objectContaining({ field: 'rateLimit.windowMs' }),
    );
    expect(build({ rateLimit: { targets: { a: { windowMs: -1 } } } })).toThrow(
      expect.objectContaining({ field: 'rateLimit.targets.a.windowMs' }),
    );
  });

  it('rejects a bad per-call timeout when the call is made', async () => {
    const model = createResilientModel(optionsWith({}));

    await expect(model.generate('hi', { timeoutMs: 0 })).rejects.toMatchObject({
      field: 'timeoutMs',
      value: 0,
    });
  });

  it('accepts Infinity as "no deadline"', () => {
    expect(() => createResilientModel(optionsWith({ timeoutMs: Infinity }))).not.toThrow();
  });
});
