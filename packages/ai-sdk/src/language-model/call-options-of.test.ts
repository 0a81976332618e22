import { InvalidOptionError } from '@resilient-llm/core';
import { describe, expect, it } from 'vitest';
import { callOptionsOf } from './call-options-of';

describe('callOptionsOf', () => {
  it('hands on the whole namespace and the abortSignal', () => {
    const signal = new AbortController().signal;
    const cache = { skip: true };
    const providerOptions = { resilientLlm: { timeoutMs: 5_000, tenant: 'acme', cache } };

    expect(callOptionsOf({ abortSignal: signal, providerOptions })).toEqual({
      timeoutMs: 5_000,
      tenant: 'acme',
      cache,
      signal,
    });
    expect(callOptionsOf({ providerOptions: { openai: { user: 'u' } } })).toEqual({});
  });

  it('refuses a signal in the namespace, a namespace that is no object and a bad abortSignal', () => {
    for (const params of [
      { providerOptions: { resilientLlm: { signal: 'x' } } },
      { providerOptions: { resilientLlm: 'x' } as never },
      { abortSignal: 'x' as never },
    ]) {
      expect(() => callOptionsOf(params)).toThrow(InvalidOptionError);
    }
  });
});
