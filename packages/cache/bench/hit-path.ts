// Cost of a cache hit, and memory under a million distinct keys.
//
// Run from the repository root, after building (Node 24 strips the types of this file, but our
// sources use extensionless imports, which Node does not resolve, so the bench imports the
// build output):
//
//   pnpm --filter @resilient-llm/cache build && node packages/cache/bench/hit-path.ts
//
// 1. Hit path: see measure-hit-path.ts (`pnpm bench` reports the same figures).
// 2. Memory: a million distinct keys written to a MemoryCacheStore bounded by bytes; the heap
//    growth after garbage collection is compared with the bound.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MemoryCacheStore } from '../dist/index.js';
import { measureHitPath, rawGet } from './measure-hit-path.ts';

const result = await measureHitPath(Number(process.env.ROUNDS ?? 30));
console.log(`hit path (median of ${result.rounds} rounds; Node ${process.versions.node})`);
for (const [name, microseconds] of Object.entries(result.medianMicroseconds)) {
  console.log(
    `  ${name.padEnd(28)} ${microseconds.toFixed(2).padStart(10)} µs/call   x${result.versusRawGet[name]!.toFixed(0)} of ${rawGet}`,
  );
}
const { hitMebibytesPerSecond: hit, digestMebibytesPerSecond: digest } = result;
console.log(
  `  1 MB prompt: ${hit.toFixed(0)} MiB/s through the hit, ${digest.toFixed(0)} MiB/s for its UTF-8 encoding and digest alone (the hit at ${((hit / digest) * 100).toFixed(0)}% of it)`,
);
console.log(
  `  (upstream calls: ${result.upstreamCalls}, the warm-up misses only; stats ${JSON.stringify(result.stats)})`,
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
