import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { settle } from '../testing/settle';
import { RetryPolicy } from './retry-policy';

/** One scripted call: fail (optionally asking for a server delay) or succeed. */
const stepArbitrary = fc.oneof(
  fc.record({
    ok: fc.constant(false),
    retryAfterMs: fc.option(fc.integer({ min: 0, max: 8000 }), { nil: undefined }),
  }),
  fc.record({ ok: fc.constant(true), retryAfterMs: fc.constant(undefined) }),
);

class ScriptedFailure extends Error {
  constructor(readonly retryAfterMs: number | undefined) {
    super('scripted failure');
  }
}

describe('RetryPolicy properties', () => {
  it('settles every call, never exceeds maxAttempts, never starts an attempt before the server delay, leaves no timer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('full' as const, 'decorrelated' as const, 'none' as const),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 30_000 }), { nil: undefined }),
        async (
          script,
          maxAttempts,
          jitter,
          initialDelayMs,
          maxServerDelayMs,
          abortAtMs,
          deadlineMs,
        ) => {
          vi.useFakeTimers({ now: 0 });
          try {
            const starts: number[] = [];
            const controller = new AbortController();
            const abortTimer =
              abortAtMs === undefined ? undefined : setTimeout(() => controller.abort(), abortAtMs);
            const retry = new RetryPolicy({
              maxAttempts,
              jitter,
              initialDelayMs,
              maxServerDelayMs,
              deadline: deadlineMs,
              retryAfterMs: (error) => (error as ScriptedFailure).retryAfterMs,
            });
            const outcome = await settle(
              retry.execute(async () => {
                const step = script[Math.min(starts.length, script.length - 1)]!;
                starts.push(Date.now());
                if (step.ok) return 'ok';
                throw new ScriptedFailure(step.retryAfterMs);
              }, controller.signal),
            );
            expect(outcome.status).not.toBe('pending');
            expect(starts.length).toBeLessThanOrEqual(maxAttempts);
            for (let index = 1; index < starts.length; index++) {
              const asked = script[Math.min(index - 1, script.length - 1)]!.retryAfterMs ?? 0;
              expect(starts[index]! - starts[index - 1]!).toBeGreaterThanOrEqual(asked);
            }
            if (deadlineMs !== undefined)
              expect(starts.every((start) => start < deadlineMs)).toBe(true);
            clearTimeout(abortTimer);
            expect(vi.getTimerCount()).toBe(0);
          } finally {
            vi.useRealTimers();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
