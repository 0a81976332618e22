import { expectBuild, field, listCase, objectCase } from '@resilient-llm/test-utils/option-case';
import { pipelineOptionCases } from '@resilient-llm/test-utils/pipeline-option-cases';
import { MockLanguageModelV4 } from 'ai/test';
import fc from 'fast-check';
import { describe, it } from 'vitest';
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

const options = pipelineOptionCases({
  targetIds: ['a', 'b'],
  rootKeys: resilientLanguageModelOptionKeys,
  notRootKeys: ['binding', 'targets', 'model'],
  own: {
    models: listCase([entry('a'), entry('b')], fc.constantFrom(model, [], 'gpt')),
    provider: field(fc.constant('gateway'), fc.constantFrom('', 5)),
    modelId: field(fc.constant('chain'), fc.constantFrom('', null)),
  },
  required: ['models'],
});

describe('createResilientModel (AI SDK) options, at random', () => {
  it('either builds a model, or throws InvalidOptionError naming an offending path', () => {
    fc.assert(
      fc.property(options, (options) => {
        expectBuild((value) => createResilientModel(value as never), options);
      }),
      { numRuns: 300 },
    );
  });
});
