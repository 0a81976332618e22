import type { GoodputResult } from '../goodput/run-goodput.ts';
import { checkAims } from './aims.ts';
import { aimsTable } from './aims-table.ts';
import { batchSavingsSection } from './batch-savings-section.ts';
import { burstSection } from './burst-section.ts';
import { cacheHitSection } from './cache-hit-section.ts';
import { cacheSavingsSection } from './cache-savings-section.ts';
import { fleetSection } from './fleet-section.ts';
import { markdownTable, milliseconds, percent, ratio } from './format.ts';
import { overheadSection } from './overhead-section.ts';
import type { BenchResults } from './results.ts';
import { scaleSection } from './scale-section.ts';

function goodputTable(goodput: GoodputResult[]): string {
  return markdownTable(
    [
      'arm',
      'completed / offered',
      'capacity used',
      '429s per success',
      'failed',
      'lost',
      'requests sent',
      'p50',
      'p99',
    ],
    goodput.map((result) => [
      result.arm,
      `${result.completed} / ${result.offered}`,
      percent(result.capacityShare),
      ratio(result.rateLimitedPerSuccess),
      String(result.failed),
      String(result.lost),
      String(result.requestsSent),
      milliseconds(result.latencyP50Ms),
      milliseconds(result.latencyP99Ms),
    ]),
  );
}

function goodputSection({ goodput, settings }: BenchResults): string {
  const { requestsPerWindow, windowMs, overload, durationMs, deadlineMs, timeScale } =
    settings.goodput;
  const aims = aimsTable(checkAims(goodput));
  const arms = goodput.map((result) => `- **${result.arm}**: ${result.description}`).join('\n');
  return `## Goodput under a rate limit

A provider allowing ${requestsPerWindow} requests per ${windowMs} ms fixed window per key (the
simulator's window stands for a provider's 60 s: time scale 1/${Math.round(1 / timeScale)}),
offered ${overload}x that for ${durationMs / 1000} s, open loop, each request with a
${deadlineMs / 1000} s deadline. Theoretical capacity: the limit times the windows between the
first request and the last deadline. Capacity used counts successes of the limited provider
only; latencies are of successes; lost means still pending ${deadlineMs / 1000} s + 250 ms
after being offered.

${goodputTable(goodput)}

${arms}

${aims}
`;
}

function continuousGoodputSection({ goodputContinuous, settings }: BenchResults): string {
  const { requestsPerWindow, windowMs } = settings.goodputContinuous;
  return `## Goodput under a continuous rate limit

The same workload and arms against a provider whose limit is a token bucket, as OpenAI and
Anthropic describe theirs: ${requestsPerWindow} requests that refill continuously over
${windowMs} ms, and \`x-ratelimit-reset-requests\` saying when the bucket is full again.
Theoretical capacity: a full bucket plus what it refills between the first request and the
last deadline.

${goodputTable(goodputContinuous)}
`;
}

function outageSection({ outage, settings }: BenchResults): string {
  const { outageStartMs, outageEndMs, requestsPerSecond, durationMs, deadlineMs } = settings.outage;
  const table = markdownTable(
    [
      'arm',
      'success rate',
      'p99 latency',
      'traffic moved after',
      'back on primary after',
      'requests sent',
    ],
    outage.map((result) => [
      result.arm,
      percent(result.successRate),
      milliseconds(result.latencyP99Ms),
      milliseconds(result.movedAfterMs),
      milliseconds(result.backAfterMs),
      String(result.requestsSent),
    ]),
  );
  return `## Outage failover

${requestsPerSecond} requests/s for ${durationMs / 1000} s, ${deadlineMs / 1000} s deadline each;
the primary answers 503 (20% connection resets) from ${outageStartMs / 1000} s to
${outageEndMs / 1000} s, a second provider stays healthy. "Moved after": from the outage's start
to the first success of the second provider; "back after": from its end to the first success
of the primary.

${table}
`;
}

function slowFirstTokenSection({ slowFirstToken, settings }: BenchResults): string {
  const { requestsPerSecond, durationMs } = settings.slowFirstToken;
  const table = markdownTable(
    ['arm', 'completed', 'first content p50', 'first content p99', 'extra requests'],
    slowFirstToken.map((result) => [
      result.arm,
      `${result.completed} / ${result.offered}`,
      milliseconds(result.firstContentP50Ms),
      milliseconds(result.firstContentP99Ms),
      percent(result.extraRequestShare),
    ]),
  );
  return `## Slow first token

Streaming chat, ${requestsPerSecond} requests/s for ${durationMs / 1000} s; the primary's time to
first token is log-normal with median 150 ms and p99 4 s, the second provider's median 150 ms
and p99 300 ms. Extra requests: requests sent beyond one per offered request.

${table}
`;
}

/** The results as a markdown page for docs/bench. */
export function markdownReport(results: BenchResults): string {
  const { machine } = results;
  return `# Benchmarks

Measured by \`${results.command}\` on ${results.startedAt} in ${Math.round(results.durationSeconds)} s:
${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node},
load average ${machine.loadAverage} at the start. Every scenario runs on the simulator of
\`@resilient-llm/simulator\` on 127.0.0.1, each arm against fresh simulators with the same
seed and the same workload, one arm after the other. The machine is shared and noisy:
compare arms within this run, not across runs.

![Goodput at 3x the rate limit](./goodput.svg)

${goodputSection(results)}
${continuousGoodputSection(results)}
${outageSection(results)}
${slowFirstTokenSection(results)}
${overheadSection(results)}
${cacheSavingsSection(results.cacheSavings, results.settings.cacheSavings)}
${cacheHitSection(results.cacheHit)}
${batchSavingsSection(results.batchSavings)}
${burstSection(results.burst, results.settings.burst)}
${fleetSection(results.fleet, results.fleetSkipped, results.settings.fleet)}
${scaleSection(results.scale, results.settings.scale)}`;
}
