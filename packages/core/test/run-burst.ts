import { vi } from 'vitest';
import { createResilientModel } from '../src/pipeline/create-resilient-model';
import type { RateLimitStageOptions } from '../src/stages/rate-limit-stage';
import { type DialectProvider, dialectBinding } from './dialect-provider';

/** What a burst against one provider came to. */
export interface BurstResult {
  readonly succeeded: number;
  /** Errors callers saw, by name. */
  readonly failed: Readonly<Record<string, number>>;
  /** 429s the provider answered. */
  readonly refused: number;
  /** Milliseconds from the burst until the last call settled. */
  readonly elapsedMs: number;
}

/**
 * Sends `calls` calls at once through a model over `provider` (fake timers must be installed)
 * and advances time in steps of `stepMs` until every call has settled.
 */
export async function runBurst(
  provider: DialectProvider,
  {
    calls,
    rateLimit,
    bulkhead = { maxConcurrent: 64, maxQueued: calls },
    timeoutMs = 600_000,
    stepMs = 50,
  }: {
    calls: number;
    rateLimit: RateLimitStageOptions;
    bulkhead?: { maxConcurrent: number; maxQueued: number };
    timeoutMs?: number;
    stepMs?: number;
  },
): Promise<BurstResult> {
  const model = createResilientModel({
    binding: dialectBinding,
    targets: [provider],
    bulkhead,
    rateLimit: { maxWaitMs: timeoutMs, ...rateLimit },
    circuitBreaker: false,
    timeoutMs,
  });
  const startedAt = Date.now();
  let settled = 0;
  let lastSettledAt = startedAt;
  let succeeded = 0;
  const failed: Record<string, number> = {};
  const done = Array.from({ length: calls }, (_, index) =>
    model
      .generate(`call ${index}`)
      .then(
        () => {
          succeeded += 1;
        },
        (error: Error) => {
          failed[error.name] = (failed[error.name] ?? 0) + 1;
        },
      )
      .finally(() => {
        settled += 1;
        lastSettledAt = Date.now();
      }),
  );
  while (settled < calls && Date.now() - startedAt <= timeoutMs) {
    await vi.advanceTimersByTimeAsync(stepMs);
  }
  await Promise.all(done);
  return { succeeded, failed, refused: provider.refused, elapsedMs: lastSettledAt - startedAt };
}
