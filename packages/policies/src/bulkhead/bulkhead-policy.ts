import { BulkheadRejectedError } from '../errors/bulkhead-rejected-error';
import { EventEmitter } from '../events/event';
import { neverAbortedSignal } from '../policy/never-aborted-signal';
import type { Policy, PolicyFunction } from '../policy/policy';
import { WaitQueue } from '../queue/wait-queue';
import { abortError, onAbort, throwIfAborted } from '../time/abort';
import { type Clock, systemClock } from '../time/clock';
import { startTimer } from '../time/start-timer';
import { assertClock, assertNumber, assertOptions } from '../validation/validate';
import {
  type BulkheadOptions,
  bulkheadOptionKeys,
  defaultBulkheadOptions,
} from './bulkhead-options';

interface Waiter {
  grant(): void;
  leave(): void;
}

/**
 * Limits how many calls run at once; extra calls wait in a bounded first-in-first-out queue
 * or are refused with `BulkheadRejectedError`. A waiter whose signal fires leaves the queue at
 * once, so its queue slot is free for the next caller. Queueing, granting and leaving cost
 * O(1) however long the queue.
 */
export class BulkheadPolicy implements Policy {
  private readonly maxConcurrent: number;
  private readonly maxQueued: number;
  private readonly maxQueueWaitMs: number;
  private readonly clock: Clock;
  private active = 0;
  private readonly queue = new WaitQueue<Waiter>();
  private readonly rejectEmitter = new EventEmitter<BulkheadRejectedError>();

  /** Fires when a call is refused. */
  readonly onReject = this.rejectEmitter.event;

  constructor(options: BulkheadOptions = {}) {
    assertOptions('', options, bulkheadOptionKeys);
    const {
      maxConcurrent = defaultBulkheadOptions.maxConcurrent,
      maxQueued = defaultBulkheadOptions.maxQueued,
      maxQueueWaitMs = defaultBulkheadOptions.maxQueueWaitMs,
      clock = systemClock,
    } = options;
    assertClock('clock', clock);
    assertNumber('maxConcurrent', maxConcurrent, { min: 1, integer: true, allowInfinity: true });
    assertNumber('maxQueued', maxQueued, { integer: true, allowInfinity: true });
    assertNumber('maxQueueWaitMs', maxQueueWaitMs, { allowInfinity: true });
    this.maxConcurrent = maxConcurrent;
    this.maxQueued = maxQueued;
    this.maxQueueWaitMs = maxQueueWaitMs;
    this.clock = clock;
  }

  /** Execution slots free now. */
  get executionSlots(): number {
    return this.maxConcurrent - this.active;
  }

  /** Queue slots free now. */
  get queueSlots(): number {
    return this.maxQueued - this.queue.length;
  }

  /** Runs `fn` in a slot, waiting in the queue if need be. */
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
    // The slot passes straight to the next waiter, so a newcomer cannot overtake the queue.
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
        this.queue.remove(entry);
        settle(error);
      };
      const waiter: Waiter = {
        grant: () => settle(),
        leave: () => leave(this.reject('queue-timeout')),
      };
      const entry = this.queue.push(waiter);
      const stopListening = onAbort(signal, () => leave(abortError(signal!)));
      const cancelTimer = startTimer(waiter.leave, this.maxQueueWaitMs, { clock: this.clock });
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
