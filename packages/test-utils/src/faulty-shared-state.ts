import type {
  SharedBreakerView,
  SharedRateLimitCommand,
  SharedRateLimitLimits,
  SharedRateLimitResult,
  SharedState,
} from '@resilient-llm/policies';

/** How a {@link FaultySharedState} answers: as the state it wraps, late, with an error, or never. */
export type SharedStateBehaviour =
  | { readonly kind: 'healthy' }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'rejecting' }
  | { readonly kind: 'hanging' };

/** The error a rejecting {@link FaultySharedState} fails with. */
class SharedStateDownError extends Error {
  constructor() {
    super('shared state unavailable');
  }
}

/**
 * A {@link SharedState} that answers as the one it wraps until told to be slow (answering after
 * `delayMs` on the timers, fake or real), to reject, or to hang; it counts every operation by
 * method (`rateLimit`: one per round trip), and the commands `rateLimit` carries by their op
 * (`rateLimit:take`, …). Breaker changes are pushed as the wrapped
 * state pushes them, unless `push` is false (a state without `onBreakerChange`).
 */
export class FaultySharedState implements SharedState {
  behaviour: SharedStateBehaviour = { kind: 'healthy' };
  readonly calls = new Map<string, number>();
  readonly onBreakerChange?: SharedState['onBreakerChange'];

  constructor(
    private readonly inner: SharedState,
    { push = true }: { push?: boolean } = {},
  ) {
    if (push && inner.onBreakerChange)
      this.onBreakerChange = (listener) => inner.onBreakerChange!(listener);
  }

  /** How many operations of `name` (a method, or `rateLimit:<op>`) were made. */
  count(name: string): number {
    return this.calls.get(name) ?? 0;
  }

  rateLimit(
    key: string,
    limits: SharedRateLimitLimits,
    commands: readonly SharedRateLimitCommand[],
    now: number,
  ): Promise<SharedRateLimitResult> {
    for (const command of commands) this.record(`rateLimit:${command.op}`);
    return this.answer('rateLimit', () => this.inner.rateLimit(key, limits, commands, now));
  }

  readBreaker(key: string, now: number): Promise<SharedBreakerView> {
    return this.answer('readBreaker', () => this.inner.readBreaker(key, now));
  }

  openBreaker(key: string, untilMs: number, now: number): Promise<SharedBreakerView> {
    return this.answer('openBreaker', () => this.inner.openBreaker(key, untilMs, now));
  }

  leaseProbe(key: string, untilMs: number, now: number): Promise<boolean> {
    return this.answer('leaseProbe', () => this.inner.leaseProbe(key, untilMs, now));
  }

  closeBreaker(key: string, now: number): Promise<void> {
    return this.answer('closeBreaker', () => this.inner.closeBreaker(key, now));
  }

  private record(name: string): void {
    this.calls.set(name, this.count(name) + 1);
  }

  private answer<T>(method: string, run: () => Promise<T>): Promise<T> {
    this.record(method);
    const { behaviour } = this;
    switch (behaviour.kind) {
      case 'healthy':
        return run();
      case 'rejecting':
        return Promise.reject(new SharedStateDownError());
      case 'hanging':
        return new Promise<T>(() => {});
      case 'slow':
        return new Promise<T>((resolve, reject) => {
          setTimeout(() => run().then(resolve, reject), behaviour.delayMs);
        });
    }
  }
}
