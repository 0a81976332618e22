import type { Disposable } from '../events/event';
import { EventEmitter } from '../events/event';
import type { RateLimiterSnapshot } from '../rate-limit/rate-limiter-snapshot';
import { applyRateLimitCommands } from './apply-rate-limit-commands';
import type {
  SharedBreakerView,
  SharedRateLimitCommand,
  SharedRateLimitLimits,
  SharedRateLimitResult,
  SharedState,
} from './shared-state';

const closedView: SharedBreakerView = { openUntil: 0, probeLeaseUntil: 0 };

/**
 * A {@link SharedState} in memory: share one instance between the models of one process (or
 * use it in tests). It runs the same rate-limit model as the Redis script
 * ({@link applyRateLimitCommands}), and tells breaker changes to every listener at once.
 */
export class MemorySharedState implements SharedState {
  private readonly rateLimits = new Map<string, RateLimiterSnapshot>();
  private readonly breakers = new Map<string, SharedBreakerView>();
  private readonly changeEmitter = new EventEmitter<{ key: string; view: SharedBreakerView }>();

  async rateLimit(
    key: string,
    limits: SharedRateLimitLimits,
    commands: readonly SharedRateLimitCommand[],
    now: number,
  ): Promise<SharedRateLimitResult> {
    const result = applyRateLimitCommands(this.rateLimits.get(key), limits, commands, now);
    this.rateLimits.set(key, result.state);
    return result;
  }

  async readBreaker(key: string, now: number): Promise<SharedBreakerView> {
    return this.current(key, now);
  }

  async openBreaker(key: string, untilMs: number, now: number): Promise<SharedBreakerView> {
    const view = this.current(key, now);
    if (untilMs <= view.openUntil) return view;
    return this.change(key, { openUntil: untilMs, probeLeaseUntil: 0 });
  }

  async leaseProbe(key: string, untilMs: number, now: number): Promise<boolean> {
    const view = this.current(key, now);
    if (view.openUntil === 0 || view.openUntil > now || view.probeLeaseUntil > now) return false;
    this.change(key, { openUntil: view.openUntil, probeLeaseUntil: untilMs });
    return true;
  }

  async closeBreaker(key: string, now: number): Promise<void> {
    if (this.current(key, now).openUntil === 0) return;
    this.breakers.delete(key);
    this.changeEmitter.emit({ key, view: closedView });
  }

  onBreakerChange(listener: (key: string, view: SharedBreakerView) => void): Disposable {
    return this.changeEmitter.event(({ key, view }) => listener(key, view));
  }

  /** The view under `key`, with a lease that has run out read as none. */
  private current(key: string, now: number): SharedBreakerView {
    const view = this.breakers.get(key) ?? closedView;
    return view.probeLeaseUntil > now ? view : { ...view, probeLeaseUntil: 0 };
  }

  private change(key: string, view: SharedBreakerView): SharedBreakerView {
    this.breakers.set(key, view);
    this.changeEmitter.emit({ key, view });
    return view;
  }
}
