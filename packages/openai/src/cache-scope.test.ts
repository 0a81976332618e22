import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { cacheScope } from './cache-scope';
import type { OpenAIRequest } from './openai-request';

const baseURL = 'http://127.0.0.1:1/v1';
const body = { model: 'm', messages: [{ role: 'user' as const, content: 'Hi' }] };
const request = (options?: OpenAIRequest['options']): OpenAIRequest => ({
  endpoint: 'chat',
  body,
  options,
});

describe('cacheScope', () => {
  it("names the client's endpoint, key, organization, project and credential headers", () => {
    const client = new OpenAI({
      baseURL,
      apiKey: 'sk-a',
      organization: 'org-1',
      project: 'proj-1',
      defaultHeaders: { 'X-Api-Key': 'gateway-key', 'x-trace': 'not a credential' },
    });

    expect(cacheScope(request(), { client })).toEqual({
      endpoint: baseURL,
      credentials: {
        apiKey: 'sk-a',
        organization: 'org-1',
        project: 'proj-1',
        'client:x-api-key': 'gateway-key',
      },
    });
  });

  it("reads a call's own credential headers in every shape the SDK takes", () => {
    const client = new OpenAI({ baseURL, apiKey: 'sk-a' });
    const bearer = 'Bearer sk-b';
    for (const headers of [
      { authorization: bearer },
      { Authorization: bearer, 'x-resilient-llm-cache': '{"skip":true}' },
      new Headers({ Authorization: bearer }),
      [['Authorization', bearer]],
    ]) {
      const { credentials } = cacheScope(request({ headers: headers as never }), { client });
      expect(credentials).toEqual({ apiKey: 'sk-a', 'call:authorization': bearer });
    }
    const azure = cacheScope(request({ headers: { 'api-key': 'azure-key' } }), { client });
    expect(azure.credentials['call:api-key']).toBe('azure-key');
  });

  it('keys a client whose key comes from a function as that client', () => {
    const keyFunction = async () => 'sk-rotating';
    const one = new OpenAI({ baseURL, apiKey: keyFunction });
    const other = new OpenAI({ baseURL, apiKey: keyFunction });

    expect(cacheScope(request(), { client: one }).credentials.client).toBe(one);
    expect(cacheScope(request(), { client: other }).credentials.client).toBe(other);
    expect(
      cacheScope(request(), { client: new OpenAI({ baseURL, apiKey: 'sk' }) }).credentials,
    ).not.toHaveProperty('client');
  });
});
