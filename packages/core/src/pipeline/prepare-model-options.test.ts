import { InvalidOptionError } from '@resilient-llm/policies';
import { describe, expect, it } from 'vitest';
import { scriptedBinding, scriptedTarget } from '../../test/scripted-binding';
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
