import type { BurstSettings } from '../burst/burst-settings.ts';
import type { BurstResult } from '../burst/run-burst.ts';
import { STREAMING_SHARE } from '../workload/chat-call.ts';
import { checkBurstAims } from './aims.ts';
import { aimsTable } from './aims-table.ts';
import { failureKinds, markdownTable, milliseconds, percent, ratio } from './format.ts';

/** The burst scenario as a markdown section: what was measured, a table, the arms, the aims. */
export function burstSection(results: BurstResult[], settings: BurstSettings): string {
  const { calls, requestsPerSecond, serverTimeMs, deadlineMs } = settings;
  const table = markdownTable(
    [
      'arm',
      'completed / offered',
      'capacity used',
      '429s per success',
      'failures',
      'lost',
      'drained after',
      'p50',
      'p99',
    ],
    results.map((result) => [
      result.arm,
      `${result.completed} / ${result.offered}`,
      percent(result.capacityShare),
      ratio(result.rateLimitedPerSuccess),
      failureKinds(result.errors),
      String(result.lost),
      milliseconds(result.drainedAfterMs),
      milliseconds(result.latencyP50Ms),
      milliseconds(result.latencyP99Ms),
    ]),
  );
  const arms = results.map((result) => `- **${result.arm}**: ${result.description}`).join('\n');
  return `## Burst

${calls.toLocaleString('en-US')} calls at the same moment against a token bucket of
${requestsPerSecond} requests refilled continuously over 1 s (OpenAI-style headers,
\`x-ratelimit-reset-requests\` the time until the bucket is full), ${serverTimeMs} ms of server
time, ${Math.round(STREAMING_SHARE * 100)}% of the calls streamed, each call with a
${deadlineMs / 1000} s deadline; the simulator runs in a process of its own. Capacity used:
successes over what the bucket admits from the burst to the last success (a full bucket plus
its refill), so 100% is a burst drained as fast as the provider allows. Lost: calls still
pending 1 s past their deadline.

${table}

${arms}

${aimsTable(checkBurstAims(results))}
`;
}
