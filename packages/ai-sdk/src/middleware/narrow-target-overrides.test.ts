import { describe, expect, it } from 'vitest';
import { narrowTargetOverrides, overriddenTargetIds } from './narrow-target-overrides';

describe('per-target overrides in a middleware', () => {
  const options = {
    retry: { maxAttempts: 2 },
    rateLimit: {
      maxWaitMs: 1_000,
      targets: { 'a:x': { maxWaitMs: 10 }, 'b:y': { maxWaitMs: 20 } },
    },
    circuitBreaker: false as const,
  };

  it('keeps only the override of the model a pipeline serves', () => {
    expect(narrowTargetOverrides(options, 'a:x')).toEqual({
      ...options,
      rateLimit: { maxWaitMs: 1_000, targets: { 'a:x': { maxWaitMs: 10 } } },
    });
    expect(narrowTargetOverrides(options, 'c:z').rateLimit).toEqual({
      maxWaitMs: 1_000,
      targets: {},
    });
  });

  it('lists every id named in overrides, for validation at construction', () => {
    expect(overriddenTargetIds(options)).toEqual(['a:x', 'b:y']);
  });
});
