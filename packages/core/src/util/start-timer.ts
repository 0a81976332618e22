import type { Clock } from '@resilient-llm/policies';

/** Calls `onExpire` after `delayMs` (never when undefined); returns the function that cancels it. */
export function startTimer(
  clock: Clock,
  delayMs: number | undefined,
  onExpire: () => void,
): () => void {
  if (delayMs === undefined || delayMs === Infinity) return () => {};
  const timer = clock.setTimeout(onExpire, delayMs);
  return () => clock.clearTimeout(timer);
}
