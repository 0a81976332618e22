import { InvalidOptionError } from '@resilient-llm/core';
import fc from 'fast-check';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import {
  field,
  namesOffendingPath,
  type OptionCase,
  objectCase,
} from '../../core/src/testing/option-case';
import { pipelineOptionCases } from '../../core/src/testing/pipeline-option-cases';
import { createResilientOpenAI } from '../src/index';
import { resilientOpenAIOptionKeys } from '../src/resilient-openai';

const secret = 'sk-test-SECRET-0123456789';
const client = new OpenAI({ baseURL: 'http://127.0.0.1:1/v1', apiKey: secret });

const target = (id: string) =>
  objectCase(
    {
      client: field(
        fc.constant(client),
        fc.constantFrom({ apiKey: secret, baseURL: 'http://127.0.0.1:1/v1' }, 'openai', null),
      ),
      id: field(fc.constant(id), fc.constantFrom('', 5)),
      models: field(
        fc.oneof(
          fc.constant({ 'vendor/gpt': 'gpt' }),
          fc.constant((model: string) => model),
        ),
        fc.constantFrom(3, { 'vendor/gpt': '' }, 'gpt'),
      ),
    },
    { required: ['client', 'id'] },
  );

const targets: fc.Arbitrary<OptionCase> = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.tuple(target('a')('targets[0]'), target('b')('targets[1]')).map((cases) => ({
      value: cases.map((entry) => entry.value),
      offending: cases.flatMap((entry) => entry.offending),
    })),
  },
  // The client where the list of targets belongs.
  { weight: 1, arbitrary: fc.constant({ value: { client }, offending: ['targets'] }) },
);

const options = fc
  .tuple(
    pipelineOptionCases({
      targetIds: ['a', 'b'],
      rootKeys: resilientOpenAIOptionKeys,
      notRootKeys: ['binding'],
    }),
    targets,
  )
  .map(([pipeline, chain]) => ({
    value: { ...(pipeline.value as object), targets: chain.value },
    offending: [...pipeline.offending, ...chain.offending],
  }));

describe('createResilientOpenAI options, at random', () => {
  it('either builds a client, or throws InvalidOptionError naming an offending path and no secret', () => {
    fc.assert(
      fc.property(options, ({ value, offending }) => {
        try {
          createResilientOpenAI(value as never);
        } catch (error) {
          expect(InvalidOptionError.isInstance(error), String(error)).toBe(true);
          const { field } = error as InvalidOptionError;
          expect(namesOffendingPath(field, offending), `${field} of ${offending}`).toBe(true);
          expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain(secret);
          return;
        }
        expect(offending, 'accepted options that must be refused').toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
