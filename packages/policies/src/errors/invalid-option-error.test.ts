import { renderings } from '@resilient-llm/test-utils/refusal';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from './invalid-option-error';
import { ResilientError } from './resilient-error';

const secret = 'sk-test-SECRET-0123456789';

describe('InvalidOptionError', () => {
  it('names the field and shows the value by kind, never an object it was given', () => {
    const client = { apiKey: secret, baseURL: 'http://127.0.0.1:1/v1' };
    const error = new InvalidOptionError({
      field: 'targets[0].client',
      value: client,
      reason: 'must be an OpenAI client',
    });

    expect(error.message).toBe(
      'Invalid option targets[0].client: an object with keys apiKey, baseURL must be an OpenAI client.',
    );
    expect(error.value).toBe('an object with keys apiKey, baseURL');
    for (const text of renderings(error)) expect(text).not.toContain(secret);
    expect(ResilientError.isInstance(error) && InvalidOptionError.isInstance(error)).toBe(true);
  });

  it('keeps primitives as given, so callers can read what was refused', () => {
    const error = new InvalidOptionError({
      field: 'retry.maxAttempts',
      value: 0,
      reason: 'must be at least 1',
    });

    expect(error).toMatchObject({
      field: 'retry.maxAttempts',
      value: 0,
      reason: 'must be at least 1',
    });
    expect(error.message).toBe('Invalid option retry.maxAttempts: 0 must be at least 1.');
  });

  it.each([
    ['apiKey', 'plain-key-0123456789'],
    ['targets[0].client.api_key', 'plain-key-0123456789'],
    ['headers.Authorization', 'plain-key-0123456789'],
    ['headers.x-api-key', 'plain-key-0123456789'],
    ['options.headers.API-KEY', 'plain-key-0123456789'],
    ['store.password', 'hunter2'],
    ['auth.accessToken', 'plain-key-0123456789'],
    ['oauth.clientSecret', 'plain-key-0123456789'],
    ['id', secret],
    ['id', `Bearer ${secret}`],
  ])('redacts what was given for %s', (field, value) => {
    const error = new InvalidOptionError({ field, value, reason: 'is wrong' });

    expect(error.value).toBe('[redacted]');
    expect(error.message).toBe(`Invalid option ${field}: [redacted] is wrong.`);
    for (const text of renderings(error)) expect(text).not.toContain(value);
  });

  it('ends the message without a second stop after a question', () => {
    const error = new InvalidOptionError({
      field: 'retry.maxAttemps',
      value: 1,
      reason: 'is not known; did you mean `maxAttempts`?',
    });
    expect(error.message).toBe(
      'Invalid option retry.maxAttemps: 1 is not known; did you mean `maxAttempts`?',
    );
  });

  it('is reported under a prefix with the same safe value and the same rendering', () => {
    const inner = new InvalidOptionError({
      field: 'budget',
      value: { token: secret },
      reason: 'must be a RetryBudget',
    });
    const nested = inner.under('retry');

    expect(nested).toMatchObject({
      field: 'retry.budget',
      value: 'an object with keys token',
      reason: 'must be a RetryBudget',
    });
    expect(nested.message).toBe(
      'Invalid option retry.budget: an object with keys token must be a RetryBudget.',
    );
    expect(InvalidOptionError.isInstance(nested)).toBe(true);
  });
});
