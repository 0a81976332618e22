import { createResilientOpenAI } from '@resilient-llm/openai';
import OpenAI from 'openai';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { answerSchemaOf } from './ai-sdk/answer-schema-of';
import { createEmbeddingCoalescer } from './embedding/create-embedding-coalescer';
import { createOpenAIBatchSender } from './openai/create-openai-batch-sender';
import { createOpenAIEmbeddingSender } from './openai/create-openai-embedding-sender';
import { createPromptBatcher } from './prompt/create-prompt-batcher';

const client = new OpenAI({ apiKey: 'sk-test' });
const resilient = createResilientOpenAI({ targets: [{ client }] });

describe('batcher types', () => {
  it('answers strings by default and the schema’s type with an answer schema', () => {
    const send = createOpenAIBatchSender({ client: resilient, model: 'm' });
    expectTypeOf(createPromptBatcher({ send }).run('q')).toEqualTypeOf<Promise<string>>();
    const typed = createPromptBatcher({
      send,
      answer: answerSchemaOf(z.object({ label: z.enum(['spam', 'ham']) })),
    });
    expectTypeOf(typed.run('q')).toEqualTypeOf<Promise<{ label: 'spam' | 'ham' }>>();
  });

  it('takes plain and resilient OpenAI clients alike', () => {
    expectTypeOf(createOpenAIBatchSender).toBeCallableWith({ client, model: 'm' });
    expectTypeOf(createOpenAIEmbeddingSender).toBeCallableWith({ client: resilient, model: 'm' });
    const coalescer = createEmbeddingCoalescer({
      send: createOpenAIEmbeddingSender({ client, model: 'm' }),
    });
    expectTypeOf(coalescer.embed('text')).toEqualTypeOf<Promise<number[]>>();
  });
});
