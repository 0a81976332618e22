import { refusal } from '@resilient-llm/test-utils/refusal';
import { describe, expect, it } from 'vitest';
import { assertKnownKeys } from './assert-known-keys';

const retryKeys = ['maxAttempts', 'jitter', 'initialDelayMs', 'timeoutMs', 'windowMs'];
const unknownKey = (field: string, options: object) =>
  refusal(() => assertKnownKeys(field, options, retryKeys));

describe('assertKnownKeys', () => {
  it.each([
    ['maxAttemps', 'maxAttempts'],
    ['maxAtempts', 'maxAttempts'],
    ['maxAttempst', 'maxAttempts'],
    ['max_attempts', 'maxAttempts'],
    ['MaxAttempts', 'maxAttempts'],
    ['timeout', 'timeoutMs'],
    ['window', 'windowMs'],
    ['jit', 'jitter'],
    ['jiter', 'jitter'],
  ])('names %s under its parent and suggests %s', (key, suggestion) => {
    const error = unknownKey('retry', { [key]: 1 });

    expect(error.field).toBe(`retry.${key}`);
    expect(error.message).toBe(
      `Invalid option retry.${key}: 1 is not an option of retry; did you mean \`${suggestion}\`?`,
    );
  });

  it('lists the known keys when no key is close', () => {
    const error = unknownKey('', { rpm: 60 });

    expect(error.field).toBe('rpm');
    expect(error.reason).toBe(
      'is not a known option (known: maxAttempts, jitter, initialDelayMs, timeoutMs, windowMs)',
    );
  });

  it('accepts known keys, and leaves anything but an object to other checks', () => {
    expect(() =>
      assertKnownKeys('retry', { maxAttempts: 2, jitter: 'none' }, retryKeys),
    ).not.toThrow();
    expect(() => assertKnownKeys('retry', undefined, retryKeys)).not.toThrow();
    expect(() => assertKnownKeys('retry', 5, retryKeys)).not.toThrow();
  });

  it('refuses an unknown key whatever its value, undefined included', () => {
    expect(unknownKey('retry', { maxAttemps: undefined }).field).toBe('retry.maxAttemps');
  });

  it('never shows a key that looks like a credential', () => {
    const error = unknownKey('headers', { 'sk-test-SECRET-0123456789': 'x' });

    expect(error.field).toBe('headers.[redacted]');
    expect(error.message).not.toContain('SECRET');
  });
});
