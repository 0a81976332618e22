import { InvalidOptionError } from '@resilient-llm/core';
import { MockLanguageModelV4 } from 'ai/test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  field,
  namesOffendingPath,
  type OptionCase,
  objectCase,
} from '../../core/src/testing/option-case';
import { pipelineOptionCases } from '../../core/src/testing/pipeline-option-cases';
import { createResilientModel } from '../src/index';
import { resilientLanguageModelOptionKeys } from '../src/language-model/resilient-language-model-options';

const model = new MockLanguageModelV4({ modelId: 'gpt' });

/** An entry of the chain written `{ model, id }`, or bad: not a model, a bad id, unknown keys. */
const entry = (id: string) =>
  objectCase(
    {
      model: field(fc.constant(model), fc.constantFrom(5, {}, 'gpt-4o')),
      id: field(fc.constant(id), fc.constantFrom('', 5)),
    },
    { required: ['model', 'id'] },
  );

const models: fc.Arbitrary<OptionCase> = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.tuple(entry('a')('models[0]'), entry('b')('models[1]')).map((cases) => ({
      value: cases.map((each) => each.value),
      offending: cases.flatMap((each) => each.offending),
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(model, [], 'gpt').map((value) => ({ value, offending: ['models'] })),
  },
);

const reportedNames = objectCase(
  {
    provider: field(fc.constant('gateway'), fc.constantFrom('', 5)),
    modelId: field(fc.constant('chain'), fc.constantFrom('', null)),
  },
  { knownKeys: resilientLanguageModelOptionKeys },
)('');

const options = fc
  .tuple(
    pipelineOptionCases({
      targetIds: ['a', 'b'],
      rootKeys: resilientLanguageModelOptionKeys,
      notRootKeys: ['binding', 'targets', 'model'],
    }),
    models,
    reportedNames,
  )
  .map(([pipeline, chain, names]) => ({
    value: { ...(pipeline.value as object), ...(names.value as object), models: chain.value },
    offending: [...pipeline.offending, ...chain.offending, ...names.offending],
  }));

describe('createResilientModel (AI SDK) options, at random', () => {
  it('either builds a model, or throws InvalidOptionError naming an offending path', () => {
    fc.assert(
      fc.property(options, ({ value, offending }) => {
        try {
          createResilientModel(value as never);
        } catch (error) {
          expect(InvalidOptionError.isInstance(error), String(error)).toBe(true);
          const { field } = error as InvalidOptionError;
          expect(namesOffendingPath(field, offending), `${field} of ${offending}`).toBe(true);
          return;
        }
        expect(offending, 'accepted options that must be refused').toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
