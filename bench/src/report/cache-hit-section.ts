import { type CacheHitResult, rawGet } from '../cache-hit/run-cache-hit.ts';
import type { AimCheck } from './aims.ts';
import { aimsTable } from './aims-table.ts';
import { markdownTable } from './format.ts';

/** The variant the aims judge. */
const hit1Kb = 'cache hit, 1 KB prompt';
/** Microseconds a 1 KB prompt's hit may take. */
const aimMicroseconds = 15;
/** How many raw `get`s of a precomputed key a 1 KB prompt's hit may cost. */
const aimVersusRawGet = 100;

function cacheHitAims(result: CacheHitResult): AimCheck[] {
  const microseconds = result.medianMicroseconds[hit1Kb];
  const versusRawGet = result.versusRawGet[hit1Kb];
  if (microseconds === undefined || versusRawGet === undefined) return [];
  return [
    {
      aim: `a 1 KB prompt's hit in at most ${aimMicroseconds} µs`,
      measured: `${microseconds.toFixed(1)} µs`,
      met: microseconds <= aimMicroseconds,
    },
    {
      aim: `a 1 KB prompt's hit at most ${aimVersusRawGet}x a raw lru-cache get of a precomputed key`,
      measured: `${versusRawGet.toFixed(0)}x`,
      met: versusRawGet <= aimVersusRawGet,
    },
  ];
}

/** The cache hit path's section of the report. */
export function cacheHitSection(result: CacheHitResult): string {
  const rows = Object.entries(result.medianMicroseconds).map(([variant, microseconds]) => [
    variant,
    microseconds.toFixed(2),
    `${result.versusRawGet[variant]!.toFixed(0)}x`,
  ]);
  return `## Cache hit path

One \`wrapCall\` of the cache stage that hits, from its key material to the response read,
against a ${rawGet} of a precomputed key, in ${result.rounds} rounds whose order rotates
(\`packages/cache/bench/measure-hit-path.ts\`; the cache's README explains each variant).
Medians per call:

${markdownTable(['variant', 'µs per call', `vs ${rawGet}`], rows)}

A 1 MB prompt's hit ran at ${result.hitMebibytesPerSecond.toFixed(0)} MiB/s, its UTF-8 encoding
and digest alone at ${result.digestMebibytesPerSecond.toFixed(0)} MiB/s.

${aimsTable(cacheHitAims(result))}
`;
}
