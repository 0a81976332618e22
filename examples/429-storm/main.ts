// The 429-storm demo: the same workload through the plain OpenAI SDK and through
// resilient-llm, against a gateway in a 429 storm (20 requests per 10 s per key, a shared pool,
// 25% extra 429s) and, for resilient-llm, a healthy fallback provider. Everything runs in this
// process on 127.0.0.1: no network, no keys.
import { startSimulator } from '@resilient-llm/simulator';
import { plainClient, resilientClient } from './clients.ts';
import { createTally, runLoad } from './load.ts';
import { comparisonTable, progressLine } from './report.ts';

const REQUESTS = 60;
const load = { perSecond: 10, deadlineMs: 25_000 };

// Each client gets its own gateway, both in the same storm from the same seed.
const plainGateway = await startSimulator({ scenario: '429-storm', seed: 1 });
const resilientGateway = await startSimulator({ scenario: '429-storm', seed: 1 });
const fallback = await startSimulator({ scenario: 'steady', seed: 1 });

console.log(`${REQUESTS} chat requests, ${load.perSecond} per second, ${load.deadlineMs / 1000} s deadline each.
The gateway: 429-storm (20 requests per 10 s per key, a shared pool, 25% extra 429s).
resilient-llm also has a healthy fallback provider. Both clients run at the same time.\n`);

const plain = createTally('OpenAI SDK', REQUESTS);
const resilient = createTally('resilient-llm', REQUESTS);
const startedAt = performance.now();
let lastCounts = '';
// A line each second in which something settled: readable in a terminal and in CI logs alike.
const progress = setInterval(() => {
  const counts = [plain, resilient].map((tally) => tally.succeeded + tally.failed).join();
  if (counts === lastCounts) return;
  lastCounts = counts;
  console.log(progressLine(performance.now() - startedAt, [plain, resilient]));
}, 1000);
try {
  await Promise.all([
    runLoad(plainClient(plainGateway.baseURL), plain, load),
    runLoad(resilientClient(resilientGateway.baseURL, fallback.baseURL), resilient, load),
  ]);
} finally {
  clearInterval(progress);
}
console.log(progressLine(performance.now() - startedAt, [plain, resilient]));

const plainStats = plainGateway.stats();
const resilientStats = [resilientGateway.stats(), fallback.stats()];
console.log(
  `\n${comparisonTable([
    { tally: plain, rateLimited: plainStats.rateLimited, requestsSent: plainStats.requests },
    {
      tally: resilient,
      rateLimited: resilientStats.reduce((sum, stats) => sum + stats.rateLimited, 0),
      requestsSent: resilientStats.reduce((sum, stats) => sum + stats.requests, 0),
    },
  ])}\n`,
);
console.log('Latencies are of successful requests. Measured benchmarks: docs/bench/results.md.');
await Promise.all([plainGateway.close(), resilientGateway.close(), fallback.close()]);
