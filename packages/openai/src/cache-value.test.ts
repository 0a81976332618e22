import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { cacheOpened, cachePart, cacheResponse } from './cache-value';

const response = {
  id: 'resp_1',
  object: 'response',
  instructions: 'secret system prompt',
  output: [],
  output_text: 'the answer',
} as unknown as OpenAI.Responses.Response;

describe('cacheResponse and cachePart', () => {
  it('store a Responses API answer without its echoed instructions, and the head without cookies', () => {
    const http = new Response(null, {
      status: 200,
      headers: { 'x-request-id': 'req_1', 'set-cookie': '__cf_bm=abc' },
    });

    const stored = cacheResponse({ data: response, response: http });

    expect(stored.data).toEqual({ ...response, instructions: null });
    expect(stored.response.status).toBe(200);
    expect(stored.response.headers.get('x-request-id')).toBe('req_1');
    expect(stored.response.headers.has('set-cookie')).toBe(false);
  });

  it('keep chat completions and their heads as they are', () => {
    const chat = { id: 'chatcmpl-1', object: 'chat.completion', choices: [] } as never;
    const http = new Response(null, { status: 200 });
    const stored = cacheResponse({ data: chat, response: http });
    expect(stored.data).toBe(chat);
    expect(stored.response).toBe(http);
  });

  it('store Responses API events without the echo; other parts as they are', () => {
    const created = { type: 'response.created', sequence_number: 0, response } as const;
    const delta = { type: 'response.output_text.delta', delta: 'a' } as never;

    expect(cachePart(created)).toEqual({
      ...created,
      response: { ...response, instructions: null },
    });
    expect(cachePart(delta)).toBe(delta);
  });
});

describe('cacheOpened', () => {
  it("stores a stream's HTTP response head without cookies; anything else as it is", () => {
    const http = new Response(null, {
      status: 200,
      headers: { 'x-request-id': 'req_1', 'set-cookie': '__cf_bm=abc' },
    });

    const stored = cacheOpened(http) as Response;

    expect(stored.headers.get('x-request-id')).toBe('req_1');
    expect(stored.headers.has('set-cookie')).toBe(false);
    const plain = new Response(null, { status: 200 });
    expect(cacheOpened(plain)).toBe(plain);
    expect(cacheOpened(undefined)).toBeUndefined();
  });
});
