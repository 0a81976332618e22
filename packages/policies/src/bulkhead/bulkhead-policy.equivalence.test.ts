import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { BulkheadRejectedError } from '../errors/bulkhead-rejected-error';
import { EventEmitter } from '../events/event';
import { neverAbortedSignal } from '../policy/never-aborted-signal';
import type { Policy, PolicyFunction } from '../policy/policy';
import { countdown, settle } from '../testing/settle';
import { abortError, onAbort, throwIfAborted } from '../time/abort';
import { startTimer } from '../time/start-timer';
import { BulkheadPolicy } from './bulkhead-policy';

interface ArrayWaiter {
  grant(): void;
  leave(): void;
}

/**
 * The bulkhead as it was while its queue was an array (shift to grant, indexOf and splice to
 * leave): the reference the queue-backed one must match call for call.
 */
class ArrayQueueBulkhead implements Policy {
  private active = 0;
  private readonly queue: ArrayWaiter[] = [];
  private readonly rejectEmitter = new EventEmitter<BulkheadRejectedError>();
  readonly onReject = this.rejectEmitter.event;

  constructor(
    private readonly maxConcurrent: number,
    private readonly maxQueued: number,
    private readonly maxQueueWaitMs: number,
  ) {}

  get executionSlots(): number {
    return this.maxConcurrent - this.active;
  }

  get queueSlots(): number {
    return this.maxQueued - this.queue.length;
  }

  async execute<T>(fn: PolicyFunction<T>, signal?: AbortSignal): Promise<T> {
    throwIfAborted(signal);
    if (this.active < this.maxConcurrent) this.active++;
    else await this.waitForSlot(signal);
    try {
      return await fn({ signal: signal ?? neverAbortedSignal() });
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next.grant();
    else this.active--;
  }

  private waitForSlot(signal: AbortSignal | undefined): Promise<void> {
    if (this.queue.length >= this.maxQueued) throw this.reject('full');
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: unknown) => {
        cancelTimer();
        stopListening();
        if (error === undefined) resolve();
        else reject(error);
      };
      const leave = (error: unknown) => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        settle(error);
      };
      const waiter: ArrayWaiter = {
        grant: () => settle(),
        leave: () => leave(this.reject('queue-timeout')),
      };
      const stopListening = onAbort(signal, () => leave(abortError(signal!)));
      const cancelTimer = startTimer(waiter.leave, this.maxQueueWaitMs);
      this.queue.push(waiter);
    });
  }

  private reject(reason: 'full' | 'queue-timeout'): BulkheadRejectedError {
    const error = new BulkheadRejectedError({
      reason,
      maxConcurrent: this.maxConcurrent,
      maxQueued: this.maxQueued,
    });
    this.rejectEmitter.emit(error);
    return error;
  }
}

type Bulkhead = ArrayQueueBulkhead | BulkheadPolicy;

const taskArbitrary = fc.record({
  arriveAtMs: fc.integer({ min: 0, max: 300 }),
  durationMs: fc.integer({ min: 0, max: 200 }),
  fails: fc.boolean(),
  abortAfterMs: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
});

const settingsArbitrary = fc.record({
  maxConcurrent: fc.integer({ min: 1, max: 3 }),
  maxQueued: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constant(Infinity)),
  maxQueueWaitMs: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(Infinity)),
});

type Task = typeof taskArbitrary extends fc.Arbitrary<infer T> ? T : never;

/**
 * Runs the schedule on fake time and returns what a user sees, in order: each start, each
 * outcome (with the refusal's reason), each `onReject`, and the free slots at every arrival.
 */
async function trace(bulkhead: Bulkhead, tasks: readonly Task[]): Promise<string[]> {
  const events: string[] = [];
  const log = (event: string) => events.push(`${Date.now()} ${event}`);
  bulkhead.onReject((error) => log(`onReject ${error.reason}`));
  const allSettled = countdown(tasks.length);
  const abortTimers: Array<ReturnType<typeof setTimeout>> = [];
  tasks.forEach((task, id) => {
    setTimeout(() => {
      log(`arrive ${id} slots ${bulkhead.executionSlots}/${bulkhead.queueSlots}`);
      const controller = new AbortController();
      if (task.abortAfterMs !== undefined)
        abortTimers.push(setTimeout(() => controller.abort(), task.abortAfterMs));
      const call = bulkhead.execute(
        () =>
          new Promise<string>((resolve, reject) => {
            log(`start ${id}`);
            setTimeout(() => {
              if (task.fails) reject(new Error('task failed'));
              else resolve('done');
            }, task.durationMs);
          }),
        controller.signal,
      );
      call.then(
        () => log(`fulfilled ${id}`),
        (error: unknown) =>
          log(
            `rejected ${id} ${BulkheadRejectedError.isInstance(error) ? error.reason : (error as Error).name}`,
          ),
      );
      call.then(allSettled.done, allSettled.done);
    }, task.arriveAtMs);
  });
  expect((await settle(allSettled.promise)).status).toBe('fulfilled');
  for (const timer of abortTimers) clearTimeout(timer);
  expect(vi.getTimerCount()).toBe(0);
  log(`end slots ${bulkhead.executionSlots}/${bulkhead.queueSlots}`);
  return events;
}

async function onFakeTime<T>(run: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ now: 0 });
  try {
    return await run();
  } finally {
    vi.useRealTimers();
  }
}

describe('BulkheadPolicy against the array-queue bulkhead', () => {
  it('grants, orders and refuses every call as the array queue did', {
    timeout: 60_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskArbitrary, { maxLength: 40 }),
        settingsArbitrary,
        async (tasks, { maxConcurrent, maxQueued, maxQueueWaitMs }) => {
          const expected = await onFakeTime(() =>
            trace(new ArrayQueueBulkhead(maxConcurrent, maxQueued, maxQueueWaitMs), tasks),
          );
          const actual = await onFakeTime(() =>
            trace(new BulkheadPolicy({ maxConcurrent, maxQueued, maxQueueWaitMs }), tasks),
          );
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
