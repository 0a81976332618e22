// Recipe: compose the policies around any async function, no LLM involved. A retry that
// honours the server's requested wait, a circuit breaker, a bulkhead and a per-attempt
// timeout, composed outermost first, around a flaky service call.
import {
  BulkheadPolicy,
  CircuitBreakerPolicy,
  RetryPolicy,
  TimeoutPolicy,
  wrap,
} from '@resilient-llm/policies';
import { createFlakyService, ServiceError } from './flaky-service.ts';

const isTransient = (error: unknown) =>
  error instanceof ServiceError && (error.status === 429 || error.status >= 500);

const retry = new RetryPolicy({
  maxAttempts: 5, // calls in total, the first included
  initialDelayMs: 50,
  shouldRetry: isTransient, // anything else is rethrown unchanged
  retryAfterMs: (error) => (error instanceof ServiceError ? error.retryAfterMs : undefined),
});
retry.onRetry(({ attempt, delayMs, error }) =>
  console.log(
    `attempt ${attempt} failed (${(error as Error).message}), waiting ${Math.round(delayMs)} ms`,
  ),
);

const policy = wrap(
  retry,
  new CircuitBreakerPolicy({ strategy: { kind: 'consecutive', threshold: 5 } }),
  new BulkheadPolicy({ maxConcurrent: 4, maxQueued: 16 }),
  new TimeoutPolicy({ timeoutMs: 1_000 }), // per attempt
);

const service = createFlakyService();
const stock = await policy.execute(
  ({ signal }) => service.stockOf('sku-42', signal),
  AbortSignal.timeout(5_000), // the caller's own deadline
);
console.log(`stock: ${stock}, after ${service.calls} calls`);
if (stock !== 42) process.exit(1);
