import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { cacheKey } from './cache-key';
import { mapModel } from './map-model';

const client = new OpenAI({ apiKey: 'sk', baseURL: 'http://127.0.0.1:1/v1' });
const messages = [{ role: 'user' as const, content: 'Hi' }];

describe('cacheKey', () => {
  it('keeps output-affecting fields only, in a stable order', () => {
    const target = { client, models: { 'vendor/m': 'm' } };
    const one = cacheKey(
      {
        endpoint: 'chat',
        body: { model: 'vendor/m', messages, temperature: 0, stream: true, user: 'a' },
      },
      target,
    );
    const two = cacheKey(
      { endpoint: 'chat', body: { temperature: 0, user: 'b', messages, model: 'vendor/m' } },
      target,
    );
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    expect(one).toEqual({ body: { messages, model: 'm', temperature: 0 }, endpoint: 'chat' });
  });

  it('differs by endpoint and by what changes the answer', () => {
    const target = { client };
    const chat = cacheKey({ endpoint: 'chat', body: { model: 'm', messages } }, target);
    const warmer = cacheKey(
      { endpoint: 'chat', body: { model: 'm', messages, temperature: 1 } },
      target,
    );
    const responses = cacheKey(
      { endpoint: 'responses', body: { model: 'm', input: 'Hi' } },
      target,
    );
    expect(chat).not.toEqual(warmer);
    expect(chat).not.toEqual(responses);
  });
});

describe('mapModel', () => {
  it('maps by record, by function, or not at all', () => {
    expect(mapModel({ a: 'b' }, 'a')).toBe('b');
    expect(mapModel({ a: 'b' }, 'c')).toBe('c');
    expect(mapModel({ a: 'b' }, 'constructor')).toBe('constructor');
    expect(mapModel(() => 'small', 'a')).toBe('small');
    expect(mapModel(undefined, 'a')).toBe('a');
  });
});
