// Cost of a cache hit, and memory under a million distinct keys.
//
// Run from the repository root, after building (Node 24 strips the types of this file, but our
// sources use extensionless imports, which Node does not resolve, so the bench imports the
// build output):
//
//   pnpm --filter @resilient-llm/cache build && node packages/cache/bench/hit-path.ts
//
// 1. Hit path: one `wrapCall` of the cache stage that hits (key material to canonical JSON,
//    HMAC of the credentials and SHA-256 through Web Crypto, memory store read, entry
//    decoded, outcome built), for a 1 KB and a 1 MB prompt, against a raw lru-cache `get` of
//    a precomputed key; for the 1 KB prompt also shared across credentials (no HMAC) and
//    with values encrypted (AES-GCM). Variants run in
//    alternating rounds (the order rotates each round) so JIT warm-up, GC and CPU drift hit
//    every variant alike; the report gives the median time per call and the ratios of medians.
// 2. Memory: a million distinct keys written to a MemoryCacheStore bounded by bytes; the heap
//    growth after garbage collection is compared with the bound.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CallContext } from '@resilient-llm/core';
import { LRUCache } from 'lru-cache';
import { createCacheStage, MemoryCacheStore } from '../dist/index.js';

const rounds = Number(process.env.ROUNDS ?? 30);
const callsPerRound = { '1 KB': 2_000, '1 MB': 20 } as const;

interface Request {
  model: string;
  messages: Array<{ role: string; content: string }>;
}

function requestOf(promptBytes: number): Request {
  return { model: 'gpt-bench', messages: [{ role: 'user', content: 'x'.repeat(promptBytes) }] };
}

const store = new MemoryCacheStore({ maxBytes: 256 * 1024 * 1024, maxEntryBytes: 4 * 1024 * 1024 });
const stageOptions = {
  store,
  keyOf: (request: Request) => request,
  // As a binding's cacheScope gives it: the key carries an HMAC of the credentials.
  scope: () => ({ endpoint: 'https://bench.invalid/v1', credentials: { apiKey: 'sk-bench' } }),
  maxEntryBytes: 4 * 1024 * 1024,
};
const stage = createCacheStage<unknown, Request, never>(stageOptions);
const sharedStage = createCacheStage<unknown, Request, never>({
  ...stageOptions,
  shareAcrossCredentials: true,
});
const encryptedStage = createCacheStage<unknown, Request, never>({
  ...stageOptions,
  namespace: 'encrypted',
  encryptionKey: crypto.getRandomValues(new Uint8Array(32)),
});
const clock = {
  now: () => Date.now(),
  setTimeout: (callback: () => void, delayMs: number) => setTimeout(callback, delayMs),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
// The part of a call's context the stage reads on a hit: no per-call options, no model.
const context = {
  mode: 'generate' as const,
  signal: new AbortController().signal,
  clock,
  options: {},
} as unknown as CallContext;
const upstream = {
  mode: 'generate' as const,
  response: 'y'.repeat(1024),
  target: 'bench',
  targetId: 'bench',
  targetIndex: 0,
  attempts: 1,
};
let upstreamCalls = 0;
const next = async () => {
  upstreamCalls += 1;
  return upstream;
};

const requests = { '1 KB': requestOf(1024), '1 MB': requestOf(1024 * 1024) };
for (const request of Object.values(requests)) await stage.wrapCall({ request, context, next });
for (const other of [sharedStage, encryptedStage])
  await other.wrapCall({ request: requests['1 KB'], context, next });
// Writes do not delay the caller: let the encrypted one land before timing hits.
await new Promise((resolve) => setTimeout(resolve, 50));
const warmUpCalls = 4;

const raw = new LRUCache<string, string>({ max: 10_000 });
const precomputedKey = 'f'.repeat(64);
raw.set(precomputedKey, JSON.stringify({ v: 1, kind: 'generate', response: upstream.response }));
let sink = 0;

type Variant = () => Promise<void>;
function timed(calls: number, run: Variant): () => Promise<number> {
  return async () => {
    const started = performance.now();
    for (let call = 0; call < calls; call++) await run();
    return (performance.now() - started) / calls;
  };
}

const variants: Record<string, () => Promise<number>> = {
  'raw lru-cache get': timed(200_000, async () => {
    sink += raw.get(precomputedKey)?.length ?? 0;
  }),
  'cache hit, 1 KB prompt': timed(callsPerRound['1 KB'], async () => {
    await stage.wrapCall({ request: requests['1 KB'], context, next });
  }),
  'cache hit, 1 MB prompt': timed(callsPerRound['1 MB'], async () => {
    await stage.wrapCall({ request: requests['1 MB'], context, next });
  }),
  '1 KB, shared (no HMAC)': timed(callsPerRound['1 KB'], async () => {
    await sharedStage.wrapCall({ request: requests['1 KB'], context, next });
  }),
  '1 KB, encrypted': timed(callsPerRound['1 KB'], async () => {
    await encryptedStage.wrapCall({ request: requests['1 KB'], context, next });
  }),
};

const samples = new Map<string, number[]>(Object.keys(variants).map((name) => [name, []]));
const names = Object.keys(variants);
for (let round = 0; round < rounds; round++) {
  for (let offset = 0; offset < names.length; offset++) {
    const name = names[(round + offset) % names.length]!;
    samples.get(name)!.push(await variants[name]!());
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const baseline = median(samples.get('raw lru-cache get')!);
console.log(`hit path (median of ${rounds} rounds; Node ${process.versions.node})`);
for (const name of names) {
  const perCallMs = median(samples.get(name)!);
  const ratio = perCallMs / baseline;
  console.log(
    `  ${name.padEnd(24)} ${(perCallMs * 1e6).toFixed(0).padStart(10)} ns/call   x${ratio.toFixed(0)} of raw get`,
  );
}
if (upstreamCalls !== warmUpCalls)
  throw new Error(`expected only the ${warmUpCalls} warm-up calls upstream, saw ${upstreamCalls}`);
console.log(
  `  (upstream calls: ${upstreamCalls}, the warm-up misses only; stats ${JSON.stringify(stage.stats())})`,
);

// Memory under a million distinct keys.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const maxBytes = 16 * 1024 * 1024;
const keys = Number(process.env.KEYS ?? 1_000_000);
collectGarbage();
const before = process.memoryUsage().heapUsed;
const bounded = new MemoryCacheStore({ maxEntries: 50_000, maxBytes });
const value = JSON.stringify({ v: 1, kind: 'generate', response: 'z'.repeat(200) });
for (let index = 0; index < keys; index++) {
  bounded.set(index.toString(16).padStart(64, '0'), value);
}
collectGarbage();
const grownBy = process.memoryUsage().heapUsed - before;
console.log(
  `memory after ${keys.toLocaleString('en')} distinct keys into maxBytes = ${maxBytes / 1024 / 1024} MiB`,
);
console.log(
  `  entries kept ${bounded.size.toLocaleString('en')}, charged ${(bounded.bytes / 1024 / 1024).toFixed(1)} MiB`,
);
console.log(
  `  heap growth after GC ${(grownBy / 1024 / 1024).toFixed(1)} MiB (${((grownBy / maxBytes) * 100).toFixed(0)}% of the bound, lru-cache's fixed slots for 50 000 entries included)`,
);
if (bounded.bytes > maxBytes) throw new Error('the store holds more than its byte bound');
if (sink < 0) console.log(sink);
