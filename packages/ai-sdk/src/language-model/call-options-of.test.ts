import { InvalidOptionError } from '@resilient-llm/core';
import { describe, expect, it } from 'vitest';
import { createCallOptionsReader } from './call-options-of';

const cache = { skip: true };
const providerOptions = { resilientLlm: { timeoutMs: 5_000, tenant: 'acme', cache } };

describe('createCallOptionsReader', () => {
  it('hands on the whole namespace and the abortSignal', () => {
    const signal = new AbortController().signal;
    const read = createCallOptionsReader([{ callOptions: { cache: () => {} } }]);

    expect(read({ abortSignal: signal, providerOptions })).toEqual({
      timeoutMs: 5_000,
      tenant: 'acme',
      cache,
      signal,
    });
    expect(read({})).toEqual({});
  });

  it('hands on cache to a model without stages, whose check refuses it', () => {
    expect(createCallOptionsReader()({ providerOptions })).toMatchObject({ cache });
  });

  it('leaves cache to stages that read it themselves while none declares it', () => {
    const read = createCallOptionsReader([{ callOptions: { tenant: () => {} } }]);

    expect(read({ providerOptions })).toEqual({ timeoutMs: 5_000, tenant: 'acme' });
  });

  it('refuses a signal in the namespace and a bad abortSignal', () => {
    const read = createCallOptionsReader();

    expect(() => read({ providerOptions: { resilientLlm: { signal: 'x' } } })).toThrow(
      InvalidOptionError,
    );
    expect(() => read({ abortSignal: 'x' as never })).toThrow(InvalidOptionError);
  });
});
