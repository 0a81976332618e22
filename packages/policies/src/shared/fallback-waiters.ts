import type { RateLimiter } from '../rate-limit/rate-limiter';
import { abortError, onAbort } from '../time/abort';
import type { Clock } from '../time/clock';
import type { SharedWaiter } from './shared-waiters';

/**
 * The waiters of a `SharedRateLimiter` that wait on its local limiter while the fleet's state
 * is unreachable. When the fleet answers again they are taken back, in order, to wait in the
 * fleet's line: left on the local limiter, a process would go on spending the whole limit
 * alone, beside the others, until its line was empty.
 */
export class FallbackWaiters {
  // Each waiter with what ends its local wait without a grant.
  private readonly waiting = new Map<SharedWaiter, () => void>();

  constructor(
    private readonly local: RateLimiter,
    private readonly clock: Clock,
  ) {}

  get size(): number {
    return this.waiting.size;
  }

  /** Waits for a local permit for `waiter`, with what is left of its wait. */
  wait(waiter: SharedWaiter): void {
    const leave = new AbortController();
    const stopListening = onAbort(waiter.signal, () => leave.abort());
    this.waiting.set(waiter, () => {
      stopListening();
      leave.abort();
    });
    const maxWaitMs = Math.max(0, waiter.latestGrantAt - this.clock.now());
    this.local.acquire({ tokens: waiter.tokens, signal: leave.signal, maxWaitMs }).then(
      (permit) => {
        // Taken back to the fleet just as the local limiter granted: this permit goes unused.
        if (!this.waiting.delete(waiter)) return permit.release();
        stopListening();
        waiter.resolve(permit);
      },
      (error: unknown) => {
        if (!this.waiting.delete(waiter)) return;
        stopListening();
        waiter.reject(waiter.signal?.aborted ? abortError(waiter.signal) : error);
      },
    );
  }

  /** Ends every local wait without a grant and returns the waiters, in the order they came. */
  takeAll(): SharedWaiter[] {
    const waiters = [...this.waiting.keys()];
    const leaves = [...this.waiting.values()];
    this.waiting.clear();
    for (const leave of leaves) leave();
    return waiters;
  }
}
