import type { FleetSettings } from '../fleet/fleet-settings.ts';
import type { FleetResult } from '../fleet/run-fleet.ts';
import { checkFleetAims } from './aims.ts';
import { aimsTable } from './aims-table.ts';
import { failureKinds, markdownTable, milliseconds, percent, ratio } from './format.ts';

/** The fleet scenario as a markdown section: what was measured, a table, the arms, the aims. */
export function fleetSection(
  results: FleetResult[],
  skipped: string[],
  settings: FleetSettings,
): string {
  const { requestsPerSecond, serverTimeMs, workers, overload, durationMs, deadlineMs } = settings;
  const table = markdownTable(
    [
      'arm',
      'completed / offered',
      'capacity used',
      '429s per success',
      'failures',
      'lost',
      'requests sent',
      'Redis commands per call',
      'Redis round trips per success',
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
      String(result.requestsSent),
      result.redisCommandsPerCall === undefined ? '–' : ratio(result.redisCommandsPerCall),
      result.redisRoundTripsPerSuccess === undefined
        ? '–'
        : ratio(result.redisRoundTripsPerSuccess),
      milliseconds(result.latencyP50Ms),
      milliseconds(result.latencyP99Ms),
    ]),
  );
  const arms = results.map((result) => `- **${result.arm}**: ${result.description}`).join('\n');
  const skippedLines = skipped.map((line) => `- Not run: ${line}.`).join('\n');
  return `## Many processes, one key

${workers} worker processes share one API key of a provider whose limit is a token bucket of
${requestsPerSecond} requests refilled over 1 s (OpenAI-style headers, ${serverTimeMs} ms of server
time), offering ${overload}x that in total for ${durationMs / 1000} s, open loop, each request with a
${deadlineMs / 1000} s deadline; the simulator runs in a process of its own, the shared arm on a
redis-server of its own. Theoretical capacity: the requests offered, or a full bucket plus its
refill until the last deadline when that is fewer. Redis commands per call:
\`total_commands_processed\` of the server before and after (commands the scripts run
included), over the calls offered. Redis round trips per success: the script calls that ran
(\`EVALSHA\`, one round trip each, from \`INFO commandstats\`, less the \`failed_calls\`: the
first call of each script in each process answers \`NOSCRIPT\` before the script is loaded)
over the calls that succeeded.

${table}

${arms}
${skippedLines ? `\n${skippedLines}\n` : ''}
${aimsTable(checkFleetAims(results))}
`;
}
