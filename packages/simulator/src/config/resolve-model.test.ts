import { describe, expect, it } from 'vitest';
import { resolveModel } from './resolve-model';
import { SCENARIOS } from './scenarios';

describe('resolveModel', () => {
  it('merges a rate limit kind field by field: scenario, then defaultModel, then the model', () => {
    const model = resolveModel('gpt-sim', [
      SCENARIOS['429-storm'],
      { rateLimit: { kind: 'token-bucket' } },
      { rateLimit: { windowMs: 5000 } },
    ]);
    expect(model.rateLimit).toEqual({
      kind: 'token-bucket',
      requestsPerWindow: 20,
      tokensPerWindow: 40_000,
      windowMs: 5000,
    });
    expect(model.sharedPool?.kind).toBe('fixed-window');
  });

  it('counts in fixed windows unless told otherwise', () => {
    const model = resolveModel('gpt-sim', [{ sharedPool: { requestsPerWindow: 3 } }]);
    expect(model.rateLimit.kind).toBe('fixed-window');
    expect(model.sharedPool?.kind).toBe('fixed-window');
  });
});
