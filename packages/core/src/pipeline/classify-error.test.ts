import { InvalidOptionError } from '@resilient-llm/policies';
import { scriptedBinding, scriptedTarget } from '@resilient-llm/test-utils/scripted-binding';
import { describe, expect, it } from 'vitest';
import { createResilientModel } from './create-resilient-model';

describe('an InvalidOptionError raised during a call', () => {
  it('ends the call with that error: no retry, no fallback hides a bad input', async () => {
    const refusal = new InvalidOptionError({
      field: 'targets[0].models',
      value: undefined,
      reason: 'must return a non-empty model name',
    });
    const first = scriptedTarget('a', { fail: refusal }, { respond: 'retried' });
    const second = scriptedTarget('b', { respond: 'fell over' });
    const model = createResilientModel({ binding: scriptedBinding, targets: [first, second] });

    await expect(model.generate('hi')).rejects.toBe(refusal);
    expect(first.signals).toHaveLength(1);
    expect(second.signals).toHaveLength(0);
  });
});
