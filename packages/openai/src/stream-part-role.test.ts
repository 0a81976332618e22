import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { streamPartError } from './stream-part-error';
import { streamPartRole } from './stream-part-role';

type Chunk = OpenAI.Chat.ChatCompletionChunk;
type Event = OpenAI.Responses.ResponseStreamEvent;

function chunk(choices: Partial<Chunk['choices'][number]>[], usage?: Chunk['usage']): Chunk {
  return {
    id: 'c',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'm',
    choices: choices.map((choice) => ({ index: 0, delta: {}, finish_reason: null, ...choice })),
    ...(usage ? { usage } : {}),
  };
}

describe('chat chunk roles', () => {
  it('names preamble, content, finish and the trailing usage chunk', () => {
    expect(streamPartRole(chunk([{ delta: { role: 'assistant', content: '' } }]))).toBe('preamble');
    expect(streamPartRole(chunk([{ delta: { content: 'Hi' } }]))).toBe('content');
    expect(
      streamPartRole(
        chunk([
          {
            delta: {
              tool_calls: [{ index: 0, function: { arguments: '{"a"' } }],
            },
          },
        ]),
      ),
    ).toBe('content');
    expect(streamPartRole(chunk([{ delta: { refusal: 'No' } }]))).toBe('content');
    expect(
      streamPartRole(
        chunk([{ delta: { reasoning_content: 'thinking' } as Chunk['choices'][number]['delta'] }]),
      ),
    ).toBe('content');
    expect(streamPartRole(chunk([{ delta: { content: 'end' }, finish_reason: 'stop' }]))).toBe(
      'finish',
    );
    const usage = { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 };
    expect(streamPartRole(chunk([], usage))).toBe('other');
  });
});

describe('Responses API event roles', () => {
  const role = (type: string) => streamPartRole({ type } as Event);

  it('names each event', () => {
    expect(role('response.created')).toBe('preamble');
    expect(role('response.in_progress')).toBe('preamble');
    expect(role('response.output_item.added')).toBe('other');
    expect(role('response.output_text.delta')).toBe('content');
    expect(role('response.function_call_arguments.delta')).toBe('content');
    expect(role('response.completed')).toBe('finish');
    expect(role('response.incomplete')).toBe('finish');
    expect(role('error')).toBe('error');
    expect(role('response.failed')).toBe('error');
  });

  it('turns error events into the SDK error with the provider code', () => {
    const error = streamPartError({
      type: 'error',
      code: 'rate_limit_exceeded',
      message: 'slow down',
      param: null,
      sequence_number: 3,
    });
    expect(error).toMatchObject({ code: 'rate_limit_exceeded', status: undefined });
    const failed = streamPartError({
      type: 'response.failed',
      sequence_number: 4,
      response: { error: { code: 'server_error', message: 'broke' } } as OpenAI.Responses.Response,
    });
    expect(failed).toMatchObject({ code: 'server_error' });
    expect(streamPartError({ type: 'response.created' } as Event)).toBeUndefined();
  });
});
