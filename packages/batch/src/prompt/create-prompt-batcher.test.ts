import { InvalidOptionError } from '@resilient-llm/core';
import { createManualClock } from '@resilient-llm/simulator';
import { describe, expect, it } from 'vitest';
import { MalformedBatchAnswerError } from '../errors/malformed-batch-answer-error';
import { MissingItemAnswerError } from '../errors/missing-item-answer-error';
import { createPromptBatcher } from './create-prompt-batcher';
import type { PromptBatch } from './prompt-batch';

/** A sender answering each item with its prompt upper-cased, in reverse order. */
function echoSender(batches: PromptBatch[]) {
  return async (batch: PromptBatch) => {
    batches.push(batch);
    return {
      answers: [...batch.items]
        .reverse()
        .map((item) => ({ id: item.id, answer: item.prompt.toUpperCase() })),
    };
  };
}

describe('createPromptBatcher', () => {
  it('rejects bad options at construction, naming the field', () => {
    const send = async () => ({});
    for (const [field, options] of [
      ['send', { send: 'nope' }],
      ['maxWaitMs', { send, maxWaitMs: -1 }],
      ['maxBatchSize', { send, maxBatchSize: 0 }],
      ['maxBatchTokens', { send, maxBatchTokens: 1.5 }],
      ['itemRetries', { send, itemRetries: -1 }],
      ['estimateTokens', { send, estimateTokens: 3 }],
      ['maxBatchSise', { send, maxBatchSise: 5 }],
      ['answer.jsonSchema', { send, answer: {} }],
      ['answer.validate', { send, answer: { jsonSchema: {}, validate: 'yes' } }],
      ['answer.schema', { send, answer: { jsonSchema: {}, schema: {} } }],
      ['instructions', { send, instructions: 5 }],
      ['clock.now', { send, clock: {} }],
      ['options', undefined],
    ] as const) {
      let caught: unknown;
      try {
        createPromptBatcher(options as never);
      } catch (error) {
        caught = error;
      }
      expect(InvalidOptionError.isInstance(caught)).toBe(true);
      expect(caught).toMatchObject({ field });
    }
  });

  it('suggests the option a misspelt key most likely means', () => {
    expect(() => createPromptBatcher({ send: async () => ({}), maxBatchSise: 5 } as never)).toThrow(
      'did you mean `maxBatchSize`?',
    );
  });

  it('keeps each item’s identity whatever order the answers come in, and splits by tokens', async () => {
    const clock = createManualClock(0);
    const batches: PromptBatch[] = [];
    const batcher = createPromptBatcher({
      send: echoSender(batches),
      maxBatchTokens: 8,
      instructions: 'Be brief.',
      clock,
    });
    const calls = ['one', 'two', 'three line\nbreak'].map((prompt) => batcher.run(prompt));
    clock.advance(10);
    expect(await Promise.all(calls)).toEqual(['ONE', 'TWO', 'THREE LINE\nBREAK']);
    expect(batches.map((batch) => batch.items.length)).toEqual([2, 1]);
    expect(batches[1]!.prompt).toContain('[1] three line\\nbreak');
    expect(batches[0]!.instructions).toMatch(/Be brief\.$/);
    expect(batches[0]!.schema).toMatchObject({ required: ['answers'] });
  });

  it('retries every item alone after a malformed answer, and fails them when it stays malformed', async () => {
    const clock = createManualClock(0);
    let requests = 0;
    const batcher = createPromptBatcher({
      send: async () => {
        requests++;
        throw new MalformedBatchAnswerError({ message: 'broken' });
      },
      clock,
    });
    const calls = ['a', 'b'].map((prompt) => batcher.run(prompt));
    batcher.flush();
    const results = await Promise.allSettled(calls);
    expect(requests).toBe(3);
    for (const result of results) {
      const reason = (result as PromiseRejectedResult).reason;
      expect(MissingItemAnswerError.isInstance(reason)).toBe(true);
      expect(MalformedBatchAnswerError.isInstance(reason.cause)).toBe(true);
    }
  });

  it('validates each answer with the answer schema', async () => {
    const clock = createManualClock(0);
    const batcher = createPromptBatcher<number>({
      send: async (batch) => ({
        answers: batch.items.map((item) => ({ id: item.id, answer: Number(item.prompt) })),
      }),
      answer: {
        jsonSchema: { type: 'number' },
        validate: (value) => {
          if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError('not a number');
          return value;
        },
      },
      itemRetries: 0,
      clock,
    });
    const calls = ['1', 'x', '3'].map((prompt) => batcher.run(prompt));
    batcher.flush();
    const results = await Promise.allSettled(calls);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.cause).toBeInstanceOf(TypeError);
  });

  it('rejects at once a call whose signal has already fired, without sending it', async () => {
    const batches: PromptBatch[] = [];
    const batcher = createPromptBatcher({ send: echoSender(batches), clock: createManualClock(0) });
    await expect(batcher.run('a', { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortedError',
    });
    batcher.flush();
    expect(batches).toEqual([]);
  });
});
