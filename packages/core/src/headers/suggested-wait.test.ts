import { describe, expect, it } from 'vitest';
import { suggestedWaitMs } from './suggested-wait';

describe('suggestedWaitMs', () => {
  it('prefers the explicit retry-after', () => {
    const snapshot = { retryAfterMs: 500, requests: { remaining: 0, resetMs: 9000 } };
    expect(suggestedWaitMs(snapshot)).toBe(500);
  });

  it('waits for the latest reset among exhausted windows', () => {
    const snapshot = {
      requests: { remaining: 0, resetMs: 1000 },
      tokens: { remaining: 0, resetMs: 4000 },
      inputTokens: { remaining: 10, resetMs: 60_000 },
    };
    expect(suggestedWaitMs(snapshot)).toBe(4000);
  });

  it('gives undefined when no window is exhausted or the reset is unknown', () => {
    expect(suggestedWaitMs(undefined)).toBeUndefined();
    expect(suggestedWaitMs({})).toBeUndefined();
    expect(suggestedWaitMs({ requests: { remaining: 3, resetMs: 1000 } })).toBeUndefined();
    expect(suggestedWaitMs({ tokens: { remaining: 0 } })).toBeUndefined();
  });
});
