/** What a gateway answered to one request, with OpenAI-style headers as of its admission. */
interface GatewayAnswer {
  admitted: boolean;
  resetMs: number;
  observation: { requests: { limit: number; remaining: number; resetMs: number } };
}

/** A simulated rate-limited server for property tests; refused requests do not count. */
export interface RateLimitGateway {
  refused: number;
  admit(now: number): GatewayAnswer;
}

/**
 * A gateway counting requests per fixed window: a window opens with the first request after
 * the last one ended. Resets report the end of the window.
 */
export class FixedWindowGateway implements RateLimitGateway {
  private openedAt = -Infinity;
  private used = 0;
  refused = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  admit(now: number): GatewayAnswer {
    if (now >= this.openedAt + this.windowMs) {
      this.openedAt = now;
      this.used = 0;
    }
    const admitted = this.used < this.limit;
    if (admitted) this.used++;
    else this.refused++;
    const resetMs = this.openedAt + this.windowMs - now;
    const remaining = this.limit - this.used;
    return {
      admitted,
      resetMs,
      observation: { requests: { limit: this.limit, remaining, resetMs } },
    };
  }
}

/**
 * A gateway with a token bucket that drips back `limit` per window, as OpenAI describes its
 * limits. Resets report the time until the bucket is full.
 */
export class ContinuousGateway implements RateLimitGateway {
  private tokens: number;
  private updatedAt = 0;
  refused = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    this.tokens = limit;
  }

  admit(now: number): GatewayAnswer {
    const ratePerMs = this.limit / this.windowMs;
    this.tokens = Math.min(this.limit, this.tokens + (now - this.updatedAt) * ratePerMs);
    this.updatedAt = now;
    // A hair of tolerance: `rate * elapsed` lands just below a whole token when it is due.
    const admitted = this.tokens >= 1 - 1e-9;
    if (admitted) this.tokens = Math.max(0, this.tokens - 1);
    else this.refused++;
    const resetMs = (this.limit - this.tokens) / ratePerMs;
    const remaining = Math.floor(this.tokens);
    return {
      admitted,
      resetMs,
      observation: { requests: { limit: this.limit, remaining, resetMs } },
    };
  }
}
