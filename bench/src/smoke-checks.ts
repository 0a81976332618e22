import type { BenchResults } from './report/results.ts';

/**
 * What the smoke run must show whatever the machine's noise: every arm ran and measured
 * something, ours lost nothing, the healthy fallback answered everything, and the cache and
 * the batcher saved requests, the burst and the fleet ran every arm and ours lost no call.
 */
export function smokeProblems(results: BenchResults): string[] {
  const problems: string[] = [];
  for (const result of [...results.goodput, ...results.goodputContinuous]) {
    if (result.offered === 0 || result.requestsSent === 0) problems.push(`${result.arm}: no load`);
    if (result.arm.startsWith('resilient-llm') && result.lost > 0)
      problems.push(`${result.arm}: ${result.lost} requests lost`);
  }
  const fallback = results.goodput.find((result) => result.arm.endsWith('+ fallback'));
  if (!fallback || fallback.completed !== fallback.offered)
    problems.push('goodput with fallback: not every request succeeded');
  if (results.outage.length !== 2) problems.push('outage: arms missing');
  if (results.slowFirstToken.some((result) => result.completed === 0))
    problems.push('slow first token: an arm completed nothing');
  if (results.overhead.rows.length === 0) problems.push('overhead: no table read');
  if (!results.pipelineOverhead.variants.every((row) => row.ratio > 0))
    problems.push('pipeline overhead: not measured');
  const [uncached, cached] = results.cacheSavings;
  if (!uncached || !cached || cached.providerRequests >= uncached.providerRequests)
    problems.push('cache savings: the cache saved no provider request');
  if (cached && uncached && cached.completed <= uncached.completed)
    problems.push('cache savings: the cache answered no more requests');
  if (!Object.values(results.cacheHit.medianMicroseconds).every((microseconds) => microseconds > 0))
    problems.push('cache hit path: not measured');
  const { unbatched, batched } = results.batchSavings;
  if (!(batched.requests > 0 && batched.requests < unbatched.requests))
    problems.push('batch savings: batching saved no request');
  for (const result of [...results.burst, ...results.fleet]) {
    if (result.offered === 0 || result.requestsSent === 0) problems.push(`${result.arm}: no load`);
    if (result.arm.startsWith('resilient-llm') && result.lost > 0)
      problems.push(`${result.arm}: ${result.lost} calls never settled`);
  }
  if (results.burst.length !== 3) problems.push('burst: arms missing');
  if (results.fleet.length + results.fleetSkipped.length !== 3)
    problems.push('fleet: arms missing');
  if (results.scale.rows.length !== results.settings.scale.sizes.length)
    problems.push('scale: sizes missing');
  return problems;
}
