import { describe, expect, it } from 'vitest';
import {
  isContentFilterError,
  isContextLengthError,
  isQuotaError,
  kindFromProviderError,
} from './recognize-provider-error';

describe('recognizing provider error bodies', () => {
  it.each([
    { code: 'insufficient_quota' },
    { type: 'insufficient_quota' },
    { code: 'billing_hard_limit_reached' },
    { message: 'You exceeded your current quota, please check your plan and billing details.' },
    { message: 'Your credit balance is too low to access the Anthropic API.' },
  ])('recognizes quota in %j', (details) => {
    expect(isQuotaError(details)).toBe(true);
  });

  it('does not take a quota that passes with time for an exhausted budget', () => {
    const gemini =
      'You exceeded your current quota. See https://ai.google.dev/gemini-api/docs/rate-limits.';
    expect(isQuotaError({ message: gemini })).toBe(false);
    expect(isQuotaError({ message: 'Quota exceeded per minute. Please retry in 3s.' })).toBe(false);
  });

  it.each([
    { code: 'context_length_exceeded' },
    { code: 'string_above_max_length' },
    { message: "This model's maximum context length is 128000 tokens." },
    { message: 'prompt is too long: 210000 tokens > 200000 maximum' },
    { message: 'The input exceeds the context window of this model.' },
  ])('recognizes context length in %j', (details) => {
    expect(isContextLengthError(details)).toBe(true);
  });

  it.each([
    { code: 'content_filter' },
    { code: 'content_policy_violation' },
    { code: 'ResponsibleAIPolicyViolation' },
    { message: 'Your request was rejected as a result of our safety system.' },
  ])('recognizes a content filter in %j', (details) => {
    expect(isContentFilterError(details)).toBe(true);
  });

  it.each([
    [{ type: 'overloaded_error' }, 'overloaded'],
    [{ type: 'rate_limit_error' }, 'rate-limited'],
    [{ code: 'RESOURCE_EXHAUSTED' }, 'rate-limited'],
    [{ type: 'api_error' }, 'server'],
    [{ type: 'server_error' }, 'server'],
    [{ code: 'invalid_api_key' }, 'auth'],
    [{ type: 'invalid_request_error' }, 'bad-request'],
    [{ type: 'request_too_large' }, 'context-length'],
    [{ code: 'insufficient_quota', type: 'insufficient_quota' }, 'spend-cap'],
    [{ code: 404 }, undefined],
    [{}, undefined],
    [{ code: { nested: true }, type: null, message: 7 }, undefined],
  ])('reads %j as %s', (details, kind) => {
    expect(kindFromProviderError(details)).toBe(kind);
  });
});
