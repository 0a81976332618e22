import { describe, expect, it } from 'vitest';
import { failureDefaults } from './failure-defaults';

describe('failureDefaults', () => {
  it.each([
    ['rate-limited', true, true],
    ['overloaded', true, true],
    ['server', true, true],
    ['timeout', true, true],
    ['network', true, true],
    ['context-length', false, true],
    ['content-filter', false, true],
    ['spend-cap', false, true],
    ['auth', false, true],
    ['bad-request', false, false],
    ['aborted', false, false],
    ['refused', false, true],
    ['unknown', false, true],
  ] as const)('%s: retryable %s, fallbackable %s', (kind, retryable, fallbackable) => {
    expect(failureDefaults[kind]).toMatchObject({ retryable, fallbackable });
    expect(failureDefaults[kind].description).not.toBe('');
  });

  it('covers exactly the thirteen kinds', () => {
    expect(Object.keys(failureDefaults)).toHaveLength(13);
  });
});
