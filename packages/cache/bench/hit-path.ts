// Cost of a cache hit, and memory under a million distinct keys.
//
// Run from the repository root, after building (Node 24 strips the types of this file, but our
// sources use extensionless imports, which Node does not resolve, so the bench imports the
// build output):
//
//   pnpm --filter @resilient-llm/cache build && node packages/cache/bench/hit-path.ts
//
// 1. Hit path: one `wrapCall` of the cache stage that hits (key material to canonical JSON,
//    the remembered credential fingerprint, SHA-256, memory store read, entry decoded,
//    outcome built, its response read), for a 1 KB and a 1 MB prompt, against a raw
//    lru-cache `get` of a precomputed key; for the 1 KB prompt also shared across credentials
//    (no fingerprint) and with values encrypted (AES-GCM). Two floors beside them: SHA-256
//    (@noble/hashes, synchronous) of the 1 KB hit's canonical key text, and UTF-8 encoding
//    plus Web Crypto's SHA-256 of the 1 MB prompt, which the 1 MB hit's throughput is
//    compared with. Variants run in alternating rounds (the order rotates each round) so JIT
//    warm-up, GC and CPU drift hit every variant alike; the report gives the median time per
//    call and the ratios of medians. Every variant is awaited alike, the baseline included.
// 2. Memory: a million distinct keys written to a MemoryCacheStore bounded by bytes; the heap
//    growth after garbage collection is compared with the bound.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sha256 } from '@noble/hashes/sha2.js';
import type { CallContext } from '@resilient-llm/core';
import { LRUCache } from 'lru-cache';
import { canonicalJson, createCacheStage, MemoryCacheStore } from '../dist/index.js';

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
/** Reads what a caller reads of a hit, so that no part of it can be left undone. */
const answered = (outcome: { mode: string; response?: unknown }) => {
  sink += outcome.mode === 'generate' ? String(outcome.response).length : 0;
};

const encoder = new TextEncoder();
// What the 1 KB hit hashes: the canonical form of its key input, about 1.2 KB.
const keyText1Kb = encoder.encode(
  canonicalJson({
    v: 2,
    namespace: 'default',
    targetId: 'bench',
    endpoint: 'https://bench.invalid/v1',
    credentials: 'f'.repeat(64),
    mode: 'generate',
    material: requests['1 KB'],
  }),
);
const prompt1Mb = requests['1 MB'].messages[0]!.content;

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
    answered(await stage.wrapCall({ request: requests['1 KB'], context, next }));
  }),
  'cache hit, 1 MB prompt': timed(callsPerRound['1 MB'], async () => {
    answered(await stage.wrapCall({ request: requests['1 MB'], context, next }));
  }),
  '1 KB, shared (no HMAC)': timed(callsPerRound['1 KB'], async () => {
    answered(await sharedStage.wrapCall({ request: requests['1 KB'], context, next }));
  }),
  '1 KB, encrypted': timed(callsPerRound['1 KB'], async () => {
    answered(await encryptedStage.wrapCall({ request: requests['1 KB'], context, next }));
  }),
  'SHA-256 of 1 KB key, noble': timed(callsPerRound['1 KB'], async () => {
    sink += sha256(keyText1Kb)[0]!;
  }),
  'SHA-256 of 1 MB, Web Crypto': timed(callsPerRound['1 MB'], async () => {
    const digest = await crypto.subtle.digest('SHA-256', encoder.encode(prompt1Mb));
    sink += digest.byteLength;
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
const medians = new Map(names.map((name) => [name, median(samples.get(name)!)]));
console.log(`hit path (median of ${rounds} rounds; Node ${process.versions.node})`);
for (const name of names) {
  const perCallMs = medians.get(name)!;
  console.log(
    `  ${name.padEnd(28)} ${(perCallMs * 1e3).toFixed(2).padStart(10)} µs/call   x${(perCallMs / baseline).toFixed(0)} of raw get`,
  );
}
const megabytesPerSecond = (name: string) => 1 / (medians.get(name)! / 1e3);
const hitThroughput = megabytesPerSecond('cache hit, 1 MB prompt');
const digestThroughput = megabytesPerSecond('SHA-256 of 1 MB, Web Crypto');
console.log(
  `  1 MB prompt: ${hitThroughput.toFixed(0)} MiB/s through the hit, ${digestThroughput.toFixed(0)} MiB/s for its UTF-8 encoding and digest alone (the hit at ${((hitThroughput / digestThroughput) * 100).toFixed(0)}% of it)`,
);
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
