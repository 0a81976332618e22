import type { Policy } from '@resilient-llm/policies';
import type { AttemptOutcome } from '../contract/outcome';

/**
 * Runs an attempt under `policy`, resolving as soon as the attempt does, but keeping the
 * policy's slot until a stream has settled: a bulkhead must count a stream as running
 * while it flows, not only until its commit point.
 */
export function holdSlotUntilSettled<TResponse, TPart>(
  policy: Policy,
  run: (signal: AbortSignal) => Promise<AttemptOutcome<TResponse, TPart>>,
  signal: AbortSignal,
): Promise<AttemptOutcome<TResponse, TPart>> {
  return new Promise((resolve, reject) => {
    policy
      .execute(async ({ signal: innerSignal }) => {
        const outcome = await run(innerSignal);
        resolve(outcome);
        if (outcome.mode === 'stream') await outcome.stream.settled;
      }, signal)
      .catch(reject);
  });
}
