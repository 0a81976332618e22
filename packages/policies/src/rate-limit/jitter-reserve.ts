/** Most of the requests capacity a {@link JitterReserve} ever keeps back. */
export const maximumReserveShare = 0.5;

/** Quiet grants, as a share of the requests capacity, after which the reserve shrinks by one. */
const reserveDecayShare = 0.1;

/** Quiet grants after which the reserve shrinks by one, however small the bucket. */
const minimumQuietGrants = 10;

/**
 * The requests a rate limiter keeps back in its requests bucket (see `RateLimitBuckets.fits`)
 * for the spread between a grant and the server counting it, learned from 429s: a 429 is a
 * request the local model let out although the server had no room, so the reserve doubles (at
 * least to one), at most once per wave of 429s (a 429 counts only when a request was granted
 * since the reserve last grew), and never beyond {@link maximumReserveShare} of the capacity.
 * Every {@link reserveDecayShare} of the capacity (at least {@link minimumQuietGrants}) granted
 * without a 429 gives one request back,
 * so a reserve that a passing spike taught is slowly unlearned. Starts at 0: a limiter that
 * never sees a 429 keeps nothing back.
 */
export class JitterReserve {
  private reserve = 0;
  private grantsSinceGrowth = 1;
  private quietGrants = 0;

  /** Requests to keep back in a bucket of `capacity` requests. */
  requests(capacity: number): number {
    return Math.min(this.reserve, Math.floor(capacity * maximumReserveShare));
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
