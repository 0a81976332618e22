import { expectBuild } from '@resilient-llm/test-utils/option-case';
import { pipelineOptionCases } from '@resilient-llm/test-utils/pipeline-option-cases';
import { scriptedBinding, scriptedTarget } from '@resilient-llm/test-utils/scripted-binding';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createResilientModel } from './create-resilient-model';
import { resilientModelOptionKeys } from './model-options';

describe('createResilientModel options, at random', () => {
  it('either builds a model that answers, or throws InvalidOptionError naming an offending path; never ignores a key', async () => {
    await fc.assert(
      fc.asyncProperty(
        pipelineOptionCases({ targetIds: ['a', 'b'], rootKeys: resilientModelOptionKeys }),
        async (options) => {
          const targets = [scriptedTarget('a', { respond: 'ok' }), scriptedTarget('b')];
          const model = expectBuild(
            (value) =>
              createResilientModel({
                ...(value as object),
                binding: scriptedBinding,
                targets,
              } as never),
            options,
          );
          if (model) await expect(model.generate('hi')).resolves.toMatchObject({ targetId: 'a' });
        },
      ),
      { numRuns: 300 },
    );
  });
});
