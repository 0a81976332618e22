import type { BenchResults } from './report/results.ts';

/**
 * What the smoke run must show whatever the machine's noise: every arm ran and measured
 * something, ours lost nothing, and the healthy fallback answered everything.
 */
export function smokeProblems(results: BenchResults): string[] {
  const problems: string[] = [];
  for (const result of results.goodput) {
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
  if (!(results.pipelineOverhead.ratio > 0)) problems.push('pipeline overhead: not measured');
  return problems;
}
