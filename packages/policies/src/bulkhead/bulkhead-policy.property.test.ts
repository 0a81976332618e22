import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { AbortedError } from '../errors/aborted-error';
import { BulkheadRejectedError } from '../errors/bulkhead-rejected-error';
import { countdown, settle, track } from '../testing/settle';
import { BulkheadPolicy } from './bulkhead-policy';

const taskArbitrary = fc.record({
  arriveAtMs: fc.integer({ min: 0, max: 1000 }),
  durationMs: fc.integer({ min: 0, max: 500 }),
  fails: fc.boolean(),
  abortAtMs: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
});

describe('BulkheadPolicy properties', () => {
  it('never runs more than maxConcurrent, settles every call, leaves no timer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskArbitrary, { maxLength: 30 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 5 }),
        fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
        async (tasks, maxConcurrent, maxQueued, maxQueueWaitMs) => {
          vi.useFakeTimers({ now: 0 });
          try {
            const bulkhead = new BulkheadPolicy({
              maxConcurrent,
              maxQueued,
              maxQueueWaitMs: maxQueueWaitMs ?? Infinity,
            });
            let running = 0;
            let mostRunning = 0;
            const calls: Array<ReturnType<typeof track>> = [];
            const allSettled = countdown(tasks.length);
            const stray: Array<ReturnType<typeof setTimeout>> = [];
            for (const task of tasks) {
              setTimeout(() => {
                const controller = new AbortController();
                if (task.abortAtMs !== undefined)
                  stray.push(setTimeout(() => controller.abort(), task.abortAtMs));
                const call = bulkhead.execute(
                  () =>
                    new Promise((resolve, reject) => {
                      running++;
                      mostRunning = Math.max(mostRunning, running);
                      setTimeout(() => {
                        running--;
                        if (task.fails) reject(new Error('task failed'));
                        else resolve('done');
                      }, task.durationMs);
                    }),
                  controller.signal,
                );
                calls.push(track(call));
                call.then(allSettled.done, allSettled.done);
              }, task.arriveAtMs);
            }
            expect((await settle(allSettled.promise)).status).toBe('fulfilled');
            for (const timer of stray) clearTimeout(timer);
            expect(vi.getTimerCount()).toBe(0);
            await vi.advanceTimersByTimeAsync(0);
            expect(mostRunning).toBeLessThanOrEqual(maxConcurrent);
            expect(calls).toHaveLength(tasks.length);
            for (const call of calls) {
              expect(call.outcome.status).not.toBe('pending');
              if (call.outcome.status === 'rejected') {
                const reason = call.outcome.reason;
                expect(
                  BulkheadRejectedError.isInstance(reason) ||
                    AbortedError.isInstance(reason) ||
                    (reason as Error).message === 'task failed',
                ).toBe(true);
              }
            }
            expect(bulkhead.executionSlots).toBe(maxConcurrent);
            expect(bulkhead.queueSlots).toBe(maxQueued);
          } finally {
            vi.useRealTimers();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
