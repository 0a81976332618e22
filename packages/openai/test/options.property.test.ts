import { expectBuild, field, listCase, objectCase } from '@resilient-llm/test-utils/option-case';
import { pipelineOptionCases } from '@resilient-llm/test-utils/pipeline-option-cases';
import { renderings } from '@resilient-llm/test-utils/refusal';
import fc from 'fast-check';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
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

// Now and then the client where the list of targets belongs.
const options = pipelineOptionCases({
  targetIds: ['a', 'b'],
  rootKeys: resilientOpenAIOptionKeys,
  notRootKeys: ['binding'],
  // Now and then the client where the list of targets belongs.
  own: { targets: listCase([target('a'), target('b')], fc.constant({ client })) },
  required: ['targets'],
});

describe('createResilientOpenAI options, at random', () => {
  it('either builds a client, or throws InvalidOptionError naming an offending path and no secret', () => {
    fc.assert(
      fc.property(options, (options) => {
        expectBuild((value) => {
          try {
            return createResilientOpenAI(value as never);
          } catch (error) {
            for (const text of renderings(error)) expect(text).not.toContain(secret);
            throw error;
          }
        }, options);
      }),
      { numRuns: 300 },
    );
  });
});
