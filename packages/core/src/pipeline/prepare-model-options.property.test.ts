import { InvalidOptionError } from '@resilient-llm/policies';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scriptedBinding, scriptedTarget } from '../../test/scripted-binding';
import { namesOffendingPath } from '../testing/option-case';
import { pipelineOptionCases } from '../testing/pipeline-option-cases';
import { createResilientModel } from './create-resilient-model';
import { resilientModelOptionKeys } from './model-options';

describe('createResilientModel options, at random', () => {
  it('either builds a model that answers, or throws InvalidOptionError naming an offending path; never ignores a key', async () => {
    await fc.assert(
      fc.asyncProperty(
        pipelineOptionCases({ targetIds: ['a', 'b'], rootKeys: resilientModelOptionKeys }),
        async ({ value, offending }) => {
          const targets = [scriptedTarget('a', { respond: 'ok' }), scriptedTarget('b')];
          const options = { ...(value as object), binding: scriptedBinding, targets };
          let model: ReturnType<typeof createResilientModel> | undefined;
          try {
            model = createResilientModel(options as never);
          } catch (error) {
            expect(InvalidOptionError.isInstance(error), String(error)).toBe(true);
            const { field } = error as InvalidOptionError;
            expect(namesOffendingPath(field, offending), `${field} of ${offending}`).toBe(true);
            return;
          }
          expect(offending, 'accepted options that must be refused').toEqual([]);
          await expect(model.generate('hi')).resolves.toMatchObject({ targetId: 'a' });
        },
      ),
      { numRuns: 300 },
    );
  });
});
