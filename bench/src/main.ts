// The comparative benchmarks: every scenario on the simulator, every arm on the same workload
// and seed, one after the other. Run from the repository root after `pnpm run build`:
//
//   pnpm bench            # full run, writes docs/bench/results.{json,md} and goodput.svg
//   pnpm --dir bench run smoke   # a few seconds per scenario, checks, writes to a temp dir
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBatchSavings } from './batch-savings/run-batch-savings.ts';
import { burstArms } from './burst/burst-arms.ts';
import { runBurstArm } from './burst/run-burst.ts';
import { runCacheHit } from './cache-hit/run-cache-hit.ts';
import { runCacheSavings } from './cache-savings/run-cache-savings.ts';
import { fleetArms } from './fleet/fleet-arms.ts';
import { runFleetArm } from './fleet/run-fleet.ts';
import * as arms from './goodput/arms/index.ts';
import { runGoodputArm } from './goodput/run-goodput.ts';
import { runOutage } from './outage/run-outage.ts';
import { runOverhead } from './overhead/run-overhead.ts';
import { runPipelineOverhead } from './overhead/run-pipeline-overhead.ts';
import { describeMachine } from './report/machine.ts';
import { markdownReport } from './report/markdown-report.ts';
import type { BenchResults } from './report/results.ts';
import { goodputChart } from './report/svg-chart.ts';
import { runScale } from './scale/run-scale.ts';
import { fullSettings, smokeSettings } from './settings.ts';
import { runSlowFirstToken } from './slow-first-token/run-slow-first-token.ts';
import { smokeProblems } from './smoke-checks.ts';

const smoke = process.argv.includes('--smoke');
const settings = smoke ? smokeSettings : fullSettings;
const outputDirectory = smoke
  ? join(tmpdir(), 'resilient-llm-bench-smoke')
  : fileURLToPath(new URL('../../docs/bench/', import.meta.url));
const startedAt = new Date();
const machine = describeMachine();
const log = (line: string) =>
  console.log(`${((Date.now() - startedAt.getTime()) / 1000).toFixed(1).padStart(6)} s  ${line}`);

const goodputArms = [
  arms.plainOpenAI,
  arms.handWrittenRetry,
  arms.aiSdkGenerateText,
  arms.cockatielRetry,
  arms.resilientPublishedLimit,
  arms.resilientEvenPacing,
  arms.resilientWithFallback,
];
async function runGoodput(label: string, goodputSettings: typeof settings.goodput) {
  const results = [];
  for (const arm of goodputArms) {
    const result = await runGoodputArm(arm, goodputSettings);
    log(
      `${label} ${arm.name}: ${result.completed}/${result.offered} completed, ${(result.capacityShare * 100).toFixed(1)}% of capacity, ${result.rateLimitedPerSuccess.toFixed(2)} 429s per success`,
    );
    results.push(result);
  }
  return results;
}
const goodput = await runGoodput('goodput ', settings.goodput);
const goodputContinuous = await runGoodput('bucket  ', settings.goodputContinuous);
const outage = await runOutage(settings.outage);
for (const result of outage)
  log(`outage   ${result.arm}: ${(result.successRate * 100).toFixed(1)}% succeeded`);
const slowFirstToken = await runSlowFirstToken(settings.slowFirstToken);
for (const result of slowFirstToken)
  log(`ttft     ${result.arm}: p99 ${Math.round(result.firstContentP99Ms)} ms to first content`);
const overhead = await runOverhead(settings.overhead.rounds, settings.overhead.callsPerRound);
log(`overhead ${overhead.rows.length} variants measured`);
const pipelineOverhead = await runPipelineOverhead(
  settings.pipelineOverhead.rounds,
  settings.pipelineOverhead.callsPerRound,
);
for (const row of pipelineOverhead.variants)
  log(
    `overhead ${row.variant} / raw SDK call on loopback: ${row.ratio.toFixed(2)}x, +${row.extraMicroseconds.toFixed(0)} µs`,
  );
const cacheSavings = await runCacheSavings(settings.cacheSavings);
for (const result of cacheSavings)
  log(
    `cache    ${result.arm}: ${result.completed}/${result.offered} completed, ${result.providerRequests} provider requests`,
  );
const cacheHit = await runCacheHit(settings.cacheHit.rounds);
log(
  `cache    1 KB hit ${cacheHit.medianMicroseconds['cache hit, 1 KB prompt']!.toFixed(1)} µs, ${cacheHit.versusRawGet['cache hit, 1 KB prompt']!.toFixed(0)}x a raw get`,
);
const batchSavings = await runBatchSavings(
  settings.batchSavings.items,
  settings.batchSavings.batchSize,
);
log(
  `batch    ${batchSavings.items} items: ${batchSavings.unbatched.requests} -> ${batchSavings.batched.requests} requests`,
);
const burst = [];
for (const arm of burstArms) {
  const result = await runBurstArm(arm, settings.burst);
  log(
    `burst    ${arm.name}: ${result.completed}/${result.offered} completed, ${result.rateLimitedPerSuccess.toFixed(2)} 429s per success, ${result.lost} lost`,
  );
  burst.push(result);
}
const fleet = [];
const fleetSkipped = [];
for (const arm of fleetArms) {
  const result = await runFleetArm(arm, settings.fleet, log);
  if (!result) {
    fleetSkipped.push(`${arm.name}: redis-server is not installed`);
    continue;
  }
  log(
    `fleet    ${arm.name}: ${result.completed}/${result.offered} completed, ${(result.capacityShare * 100).toFixed(1)}% of capacity, ${result.rateLimitedPerSuccess.toFixed(2)} 429s per success${result.redisRoundTripsPerSuccess === undefined ? '' : `, ${result.redisRoundTripsPerSuccess.toFixed(2)} Redis round trips per success`}`,
  );
  fleet.push(result);
}
const scale = await runScale(settings.scale);
for (const row of scale.rows)
  log(
    `scale    ${row.queued} queued: ${row.totalCpuMs.toFixed(1)} ms CPU, ${row.microsecondsPerCall.toFixed(2)} µs per call, ${Math.round(row.bytesPerWaitingCall)} bytes each`,
  );

const results: BenchResults = {
  command: smoke ? 'pnpm --dir bench run smoke' : 'pnpm bench',
  startedAt: startedAt.toISOString(),
  durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
  machine,
  settings,
  goodput,
  goodputContinuous,
  outage,
  slowFirstToken,
  overhead,
  pipelineOverhead,
  cacheSavings,
  cacheHit,
  batchSavings,
  burst,
  fleet,
  fleetSkipped,
  scale,
};
await mkdir(outputDirectory, { recursive: true });
await writeFile(join(outputDirectory, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
await writeFile(join(outputDirectory, 'results.md'), markdownReport(results));
await writeFile(join(outputDirectory, 'goodput.svg'), goodputChart(goodput));
log(`results written to ${outputDirectory}`);

if (smoke) {
  const problems = smokeProblems(results);
  for (const problem of problems) console.error(`smoke: ${problem}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
