import type {
  CacheSavingsResult,
  CacheSavingsSettings,
} from '../cache-savings/run-cache-savings.ts';
import { markdownTable, milliseconds, percent, ratio } from './format.ts';

/** The cache savings scenario as a markdown section: what was measured, a table, the arms. */
export function cacheSavingsSection(
  results: CacheSavingsResult[],
  settings: CacheSavingsSettings,
): string {
  const { requestsPerWindow, windowMs, timeScale, overload, durationMs, deadlineMs } = settings;
  const offered = results[0]?.offered ?? 0;
  const distinct = results[0]?.distinctOffered ?? 0;
  const table = markdownTable(
    [
      'arm',
      'completed / offered',
      'failed',
      'provider requests',
      'provider requests per success',
      '429s',
      'from cache',
      'joined in flight',
      'provider tokens (prompt + completion)',
      'p50',
      'p99',
    ],
    results.map((result) => [
      result.arm,
      `${result.completed} / ${result.offered} (${percent(result.completed / Math.max(1, result.offered))})`,
      String(result.failed),
      String(result.providerRequests),
      ratio(result.providerRequests / Math.max(1, result.completed)),
      String(result.rateLimited),
      String(result.fromCache),
      String(result.joinedInFlight),
      `${result.promptTokens + result.completionTokens} (${result.promptTokens} + ${result.completionTokens})`,
      milliseconds(result.latencyP50Ms),
      milliseconds(result.latencyP99Ms),
    ]),
  );
  const arms = results.map((result) => `- **${result.arm}**: ${result.description}`).join('\n');
  return `## Cache savings

A support bot whose users ask the same questions: ${offered} chat completions offered open
loop to the goodput scenario's provider (${requestsPerWindow} requests per ${windowMs} ms fixed
window per key, time scale 1/${Math.round(1 / timeScale)}), ${overload}x that for
${durationMs / 1000} s, each with a ${deadlineMs / 1000} s deadline. Prompts are drawn (seed
${settings.seed}) from ${settings.distinctPrompts} distinct questions, the one of popularity rank
k with probability ∝ 1 / k^${settings.exponent}: ${distinct} distinct prompts among the
${offered}, so at most ${offered - distinct} can be answered without the provider. Both arms get
the same prompts in the same order, each against a fresh simulator. Provider requests (429s
included) and tokens are counted by the simulator; from cache: successes answered from a
stored entry; joined in flight: successes that waited for an identical call already in flight
(single-flight) and sent nothing; latencies are of successes, from offering to answer.

${table}

${arms}
`;
}
