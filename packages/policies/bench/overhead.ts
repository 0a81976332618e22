// Overhead of one call through the policies, against the raw function and against cockatiel.
//
// Run from the repository root, after building (Node 24 strips the types of this file, but our
// sources use extensionless imports, which Node does not resolve, so the bench imports the
// build output):
//
//   pnpm --filter @resilient-llm/policies build && node packages/policies/bench/overhead.ts
//
// Variants run side by side in alternating rounds (the order rotates each round) so that JIT
// warm-up, GC and CPU frequency drift hit every variant alike. Each round awaits
// `callsPerRound` calls of one variant in a row; the report gives the median time per call over
// rounds and the ratios of those medians.
import {
  ConsecutiveBreaker,
  bulkhead as cockatielBulkhead,
  circuitBreaker as cockatielCircuitBreaker,
  retry as cockatielRetry,
  timeout as cockatielTimeout,
  wrap as cockatielWrap,
  ExponentialBackoff,
  handleAll,
  TimeoutStrategy,
} from 'cockatiel';
import {
  BulkheadPolicy,
  CircuitBreakerPolicy,
  RateLimiter,
  RetryPolicy,
  TimeoutPolicy,
  wrap,
} from '../dist/index.js';

const rounds = Number(process.env.ROUNDS ?? 40);
const callsPerRound = Number(process.env.CALLS ?? 20_000);

const immediate = async () => 42;

const ours = wrap(
  new RetryPolicy({ maxAttempts: 4 }),
  new CircuitBreakerPolicy({ strategy: { kind: 'consecutive', threshold: 5 } }),
  new RateLimiter({ requestsPerWindow: 1e12, tokensPerWindow: 1e12 }),
  new BulkheadPolicy({ maxConcurrent: 10 }),
  new TimeoutPolicy({ timeoutMs: 30_000 }),
);

const oursWithoutTimeout = wrap(
  new RetryPolicy({ maxAttempts: 4 }),
  new CircuitBreakerPolicy({ strategy: { kind: 'consecutive', threshold: 5 } }),
  new RateLimiter({ requestsPerWindow: 1e12, tokensPerWindow: 1e12 }),
  new BulkheadPolicy({ maxConcurrent: 10 }),
);

// Same limits as ours; cockatiel's maxAttempts counts retries, so 3 here is 4 calls there.
const cockatiel = cockatielWrap(
  cockatielRetry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() }),
  cockatielCircuitBreaker(handleAll, { halfOpenAfter: 30_000, breaker: new ConsecutiveBreaker(5) }),
  cockatielBulkhead(10, 0),
  cockatielTimeout(30_000, TimeoutStrategy.Aggressive),
);

// Cooperative timeouts only abort the signal; shown for reference, the ratio uses the aggressive one.
const cockatielCooperative = cockatielWrap(
  cockatielRetry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() }),
  cockatielCircuitBreaker(handleAll, { halfOpenAfter: 30_000, breaker: new ConsecutiveBreaker(5) }),
  cockatielBulkhead(10, 0),
  cockatielTimeout(30_000, TimeoutStrategy.Cooperative),
);

const cockatielWithoutTimeout = cockatielWrap(
  cockatielRetry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() }),
  cockatielCircuitBreaker(handleAll, { halfOpenAfter: 30_000, breaker: new ConsecutiveBreaker(5) }),
  cockatielBulkhead(10, 0),
);

const variants: Record<string, () => Promise<unknown>> = {
  raw: () => immediate(),
  cockatiel: () => cockatiel.execute(immediate),
  'cockatiel (cooperative)': () => cockatielCooperative.execute(immediate),
  'cockatiel (no timeout)': () => cockatielWithoutTimeout.execute(immediate),
  ours: () => ours.execute(immediate),
  'ours (no timeout)': () => oursWithoutTimeout.execute(immediate),
};

async function runRound(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < callsPerRound; index++) await call();
  return ((performance.now() - started) * 1e6) / callsPerRound;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const names = Object.keys(variants);
const samples = new Map<string, number[]>(names.map((name) => [name, []]));

// Warm-up rounds are not recorded.
for (const name of names) await runRound(variants[name]!);

for (let round = 0; round < rounds; round++) {
  for (let offset = 0; offset < names.length; offset++) {
    const name = names[(round + offset) % names.length]!;
    samples.get(name)!.push(await runRound(variants[name]!));
  }
}

const medians = new Map(names.map((name) => [name, median(samples.get(name)!)]));
const cockatielMedian = medians.get('cockatiel')!;
const rawMedian = medians.get('raw')!;

console.log(`node ${process.version}, ${rounds} rounds x ${callsPerRound} calls per variant\n`);
console.log(
  'variant'.padEnd(26),
  'ns/call'.padStart(10),
  'vs raw'.padStart(10),
  'vs cockatiel'.padStart(14),
);
for (const name of names) {
  const nanoseconds = medians.get(name)!;
  console.log(
    name.padEnd(26),
    nanoseconds.toFixed(0).padStart(10),
    `${(nanoseconds / rawMedian).toFixed(2)}x`.padStart(10),
    `${(nanoseconds / cockatielMedian).toFixed(2)}x`.padStart(14),
  );
}
const ratio = medians.get('ours')! / cockatielMedian;
const ratioWithoutTimeout =
  medians.get('ours (no timeout)')! / medians.get('cockatiel (no timeout)')!;
console.log(`\nours / cockatiel wrap: ${ratio.toFixed(2)}x (target: at most 1.25x)`);
console.log(`without the timeout policy on either side: ${ratioWithoutTimeout.toFixed(2)}x`);
