import type { ResolvedRateLimit } from '../config/resolved-types';
import type { SimulatorClock } from '../time/clock';
import type { Admission, KeyLimiter, RateLimitSnapshot } from './key-limiter';

interface Window {
  startedAt: number;
  requests: number;
  tokens: number;
}

/**
 * Requests and tokens per fixed window, per key. A key's window opens with its first request
 * and lasts `windowMs`; the next request after that opens a fresh one. Refused requests are
 * not counted, as with OpenAI. Every reset is the end of the window, and a refused request
 * is asked to wait until then.
 */
export class FixedWindowLimiter implements KeyLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: ResolvedRateLimit,
    private readonly clock: SimulatorClock,
  ) {}

  /** Counts a request of `tokens` for `key` when both limits allow it. */
  admit(key: string, tokens: number): Admission {
    const now = this.clock.now();
    const window = this.currentWindow(key, now);
    let exceeded: Admission['exceeded'];
    if (window.requests + 1 > this.limit.requestsPerWindow) exceeded = 'requests';
    else if (window.tokens + tokens > this.limit.tokensPerWindow) exceeded = 'tokens';
    else {
      window.requests += 1;
      window.tokens += tokens;
    }
    const snapshot = this.snapshot(window, now);
    const retryAfterMs =
      exceeded === 'requests'
        ? snapshot.resetRequestsMs
        : exceeded === 'tokens'
          ? snapshot.resetTokensMs
          : 0;
    return { exceeded, retryAfterMs, snapshot };
  }

  /** Takes back a request admitted by {@link admit} that another limit then refused. */
  release(key: string, tokens: number): void {
    const window = this.windows.get(key);
    if (!window) return;
    window.requests = Math.max(0, window.requests - 1);
    window.tokens = Math.max(0, window.tokens - tokens);
  }

  /** Where `key` stands, without counting anything. */
  peek(key: string): RateLimitSnapshot {
    const now = this.clock.now();
    return this.snapshot(this.currentWindow(key, now), now);
  }

  private currentWindow(key: string, now: number): Window {
    let window = this.windows.get(key);
    if (!window || now >= window.startedAt + this.limit.windowMs) {
      window = { startedAt: now, requests: 0, tokens: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private snapshot(window: Window, now: number): RateLimitSnapshot {
    const resetMs = Math.max(0, window.startedAt + this.limit.windowMs - now);
    return {
      limitRequests: this.limit.requestsPerWindow,
      remainingRequests: Math.max(0, this.limit.requestsPerWindow - window.requests),
      resetRequestsMs: window.requests > 0 ? resetMs : 0,
      limitTokens: this.limit.tokensPerWindow,
      remainingTokens: Math.max(0, this.limit.tokensPerWindow - window.tokens),
      resetTokensMs: window.tokens > 0 ? resetMs : 0,
    };
  }
}
