/**
 * The requests a limiter keeps to spare for arrival jitter, when it tells (a `reserveRequests`
 * number or method); 0 otherwise. A shared take asks the fleet to keep that margin.
 */
export function reserveRequestsOf(limiter: object): number {
  const member = (limiter as { reserveRequests?: unknown }).reserveRequests;
  const value = typeof member === 'function' ? member.call(limiter) : member;
  return typeof value === 'number' && value >= 0 && Number.isFinite(value) ? value : 0;
}
