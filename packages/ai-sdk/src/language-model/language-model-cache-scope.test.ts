import { createOpenAI } from '@ai-sdk/openai';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { languageModelCacheScope } from './language-model-cache-scope';

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Hi' }] }];
const baseURL = 'http://127.0.0.1:1/v1';

function scopeOf(
  model: MockLanguageModelV4 | ReturnType<ReturnType<typeof createOpenAI>>,
  headers?: Record<string, string>,
) {
  return languageModelCacheScope({ params: { prompt, headers } }, { id: 'primary', model });
}

describe('languageModelCacheScope', () => {
  it('names the provider, model and base URL, and the headers its provider sends', async () => {
    const model = createOpenAI({ baseURL, apiKey: 'sk-a', organization: 'org-1' }).chat('gpt');

    const { endpoint, credentials } = await scopeOf(model);

    expect(endpoint).toBe(`openai.chat:gpt ${baseURL}`);
    expect(credentials).toMatchObject({
      'provider:authorization': 'Bearer sk-a',
      'provider:openai-organization': 'org-1',
    });
    expect(Object.keys(credentials)).not.toContain('provider:user-agent');
  });

  it('tells providers of other keys apart, and a call with its own credential headers', async () => {
    const ofA = await scopeOf(createOpenAI({ baseURL, apiKey: 'sk-a' }).chat('gpt'));
    const ofB = await scopeOf(createOpenAI({ baseURL, apiKey: 'sk-b' }).chat('gpt'));
    const again = await scopeOf(createOpenAI({ baseURL, apiKey: 'sk-a' }).chat('gpt'));
    const forwarded = await scopeOf(createOpenAI({ baseURL, apiKey: 'sk-a' }).chat('gpt'), {
      'X-Api-Key': 'gateway-key',
      'x-trace': 'not a credential',
    });

    expect(ofB.credentials).not.toEqual(ofA.credentials);
    expect(again.credentials).toEqual(ofA.credentials);
    expect(forwarded.credentials).toEqual({ ...ofA.credentials, 'call:x-api-key': 'gateway-key' });
  });

  it('reads the model a call brings (the middleware hands one to every call) over the target', async () => {
    const target = { id: 'primary', model: createOpenAI({ baseURL, apiKey: 'sk-a' }).chat('gpt') };
    const given = createOpenAI({ baseURL, apiKey: 'sk-b' }).chat('gpt');
    const { credentials } = await languageModelCacheScope(
      { params: { prompt }, model: given },
      target,
    );
    expect(credentials['provider:authorization']).toBe('Bearer sk-b');
  });

  it('keys a model whose provider settings it cannot read, or a custom fetch, as itself', async () => {
    const mock = new MockLanguageModelV4();
    expect((await scopeOf(mock)).credentials).toEqual({ model: mock });

    const customFetch = (async () => new Response()) as typeof fetch;
    const viaFetch = createOpenAI({ baseURL, apiKey: 'sk-a', fetch: customFetch }).chat('gpt');
    expect((await scopeOf(viaFetch)).credentials.fetch).toBe(customFetch);
  });
});
