/** Most of the requests capacity a {@link JitterReserve} ever keeps back. */
export const maximumReserveShare = 0.5;

/** Quiet grants, as a share of the requests capacity, after which the reserve shrinks by one. */
const reserveDecayShare = 0.1;

/** Quiet grants after which the reserve shrinks by one, however small the bucket. */
const minimumQuietGrants = 10;

/**
 * The requests a rate limiter keeps back in its requests bucket (see `RateLimitBuckets.fits`)
 * for the spread between a grant and the server counting it; the larger of two parts, never
 * more than {@link maximumReserveShare} of the capacity:
 * - In flight: the bucket drips back from the moment it grants, the server only from the
 *   moment a request arrives, which may be much later (a burst's requests leave one by one, a
 *   busy process sends late). So the refill since the oldest request not answered yet is kept
 *   back, at most one request per unanswered request. It costs a continuous bucket no
 *   throughput, only burst, and is gone once the answers are in.
 * - Learned from 429s: a 429 is a request the local model let out although the server had no
 *   room, so this part doubles (at least to one), at most once per wave of 429s (only when a
 *   request was granted since it last grew). Every
 *   {@link reserveDecayShare} of the capacity (at least {@link minimumQuietGrants}) granted
 *   without a 429 gives one request back, so a reserve a passing spike taught is unlearned.
 * Starts at 0.
 */
export class JitterReserve {
  private reserve = 0;
  private grantsSinceGrowth = 1;
  private quietGrants = 0;
  /** Grant times of the requests not answered yet, by grant number, oldest first. */
  private readonly unanswered = new Map<number, number>();
  private nextGrant = 0;

  /**
   * Requests to keep back at `now` in a bucket of `capacity` requests refilling at
   * `ratePerMs`: the larger of the part learned from 429s and the in-flight part (the refill
   * since the oldest unanswered grant, at most one per unanswered request: the server may not
   * have seen those requests yet, so it has not refilled for them).
   */
  requests(capacity: number, ratePerMs = 0, now = 0): number {
    const oldest = this.unanswered.values().next();
    const inFlight =
      oldest.done || !Number.isFinite(ratePerMs)
        ? 0
        : Math.min(this.unanswered.size, Math.floor(Math.max(0, now - oldest.value) * ratePerMs));
    return Math.min(Math.max(this.reserve, inFlight), Math.floor(capacity * maximumReserveShare));
  }

  /** Notes a grant at `now` whose answer is awaited; returns its number for {@link onAnswered}. */
  awaitAnswer(now: number): number {
    const grant = this.nextGrant++;
    this.unanswered.set(grant, now);
    return grant;
  }

  /** The answer to grant number `grant` arrived (or the request was never sent). */
  onAnswered(grant: number): void {
    this.unanswered.delete(grant);
  }

  /** A 429 came back from a bucket of `capacity` requests: the local model let a request out too early. */
  onRateLimited(capacity: number): void {
    this.quietGrants = 0;
    if (this.grantsSinceGrowth === 0) return;
    this.grantsSinceGrowth = 0;
    const most = Math.max(1, Math.floor(capacity * maximumReserveShare));
    this.reserve = Math.min(Math.max(1, this.reserve * 2), most);
  }

  /** One request was granted from a bucket of `capacity` requests. */
  onGrant(capacity: number): void {
    this.grantsSinceGrowth += 1;
    if (this.reserve === 0) return;
    this.quietGrants += 1;
    if (this.quietGrants < Math.max(minimumQuietGrants, capacity * reserveDecayShare)) return;
    this.quietGrants = 0;
    this.reserve -= 1;
  }
}
