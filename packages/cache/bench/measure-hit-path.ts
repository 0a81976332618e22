// The cost of a cache hit, measured in one run against a raw lru-cache `get` of a precomputed
// key: one `wrapCall` of the cache stage that hits (key material to canonical JSON, the
// remembered credential fingerprint, SHA-256, memory store read, entry decoded, outcome built,
// its response read), for a 1 KB and a 1 MB prompt; for the 1 KB prompt also shared across
// credentials (no fingerprint) and with values encrypted (AES-GCM). Two floors beside them:
// SHA-256 (@noble/hashes, synchronous) of the 1 KB hit's canonical key text, and UTF-8
// encoding plus Web Crypto's SHA-256 of the 1 MB prompt, which the 1 MB hit's throughput is
// compared with. Variants run in alternating rounds (the order rotates each round) so JIT
// warm-up, GC and CPU drift hit every variant alike; medians per call and their ratios.
// Every variant is awaited alike, the baseline included. Used by `hit-path.ts` beside it and
// by the repository's `pnpm bench`; it imports the build output.
import { sha256 } from '@noble/hashes/sha2.js';
import type { CallContext } from '@resilient-llm/core';
import { LRUCache } from 'lru-cache';
import { canonicalJson, createCacheStage, MemoryCacheStore } from '../dist/index.js';

/** The baseline every variant is compared with. */
export const rawGet = 'raw lru-cache get';

/** What one run of {@link measureHitPath} found. */
export interface HitPathResult {
  rounds: number;
  /** Median microseconds per call, by variant, in the order measured. */
  medianMicroseconds: Record<string, number>;
  /** Each variant's median over the raw `get`'s. */
  versusRawGet: Record<string, number>;
  /** MiB/s through a 1 MB prompt's hit, and through its UTF-8 encoding and digest alone. */
  hitMebibytesPerSecond: number;
  digestMebibytesPerSecond: number;
  /** Provider calls made: the warm-up misses only, or a hit was not one. */
  upstreamCalls: number;
  stats: unknown;
}

const callsPerRound = { '1 KB': 2_000, '1 MB': 20 } as const;
const warmUpCalls = 4;

interface Request {
  model: string;
  messages: Array<{ role: string; content: string }>;
}

function requestOf(promptBytes: number): Request {
  return { model: 'gpt-bench', messages: [{ role: 'user', content: 'x'.repeat(promptBytes) }] };
}

/** Measures the hit path over `rounds` rounds of every variant; throws if a hit went upstream. */
export async function measureHitPath(rounds: number): Promise<HitPathResult> {
  const store = new MemoryCacheStore({
    maxBytes: 256 * 1024 * 1024,
    maxEntryBytes: 4 * 1024 * 1024,
  });
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
    [rawGet]: timed(200_000, async () => {
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
  const medians = new Map(names.map((name) => [name, median(samples.get(name)!)]));
  const baseline = medians.get(rawGet)!;
  if (upstreamCalls !== warmUpCalls)
    throw new Error(
      `expected only the ${warmUpCalls} warm-up calls upstream, saw ${upstreamCalls}`,
    );
  if (sink < 0) console.log(sink);
  const mebibytesPerSecond = (name: string) => 1 / (medians.get(name)! / 1e3);
  return {
    rounds,
    medianMicroseconds: Object.fromEntries(names.map((name) => [name, medians.get(name)! * 1e3])),
    versusRawGet: Object.fromEntries(names.map((name) => [name, medians.get(name)! / baseline])),
    hitMebibytesPerSecond: mebibytesPerSecond('cache hit, 1 MB prompt'),
    digestMebibytesPerSecond: mebibytesPerSecond('SHA-256 of 1 MB, Web Crypto'),
    upstreamCalls,
    stats: stage.stats(),
  };
}
