// The 429-storm demo: the same workload through three clients at once, each against its own
// copy of a gateway in a 429 storm (20 requests per 10 s per key, a shared pool, 25% extra
// 429s, the same seed): the plain OpenAI SDK; resilient-llm pacing to the same single gateway;
// resilient-llm pacing with a healthy fallback provider. Everything runs in this process on
// 127.0.0.1: no network, no keys.
import { startSimulator } from '@resilient-llm/simulator';
import { pacedClient, pacedWithFallbackClient, plainClient } from './clients.ts';
import { createTally, runLoad } from './load.ts';
import { comparisonTable, progressLine } from './report.ts';

const REQUESTS = 60;
const load = { perSecond: 10, deadlineMs: 25_000 };

// Each client gets its own gateway, all in the same storm from the same seed.
const gateways = await Promise.all(
  [1, 2, 3].map(() => startSimulator({ scenario: '429-storm', seed: 1 })),
);
const fallback = await startSimulator({ scenario: 'steady', seed: 1 });
const [plainGateway, pacedGateway, fallbackArmGateway] = gateways as [
  (typeof gateways)[number],
  (typeof gateways)[number],
  (typeof gateways)[number],
];

console.log(`${REQUESTS} chat requests per client, ${load.perSecond} per second, ${load.deadlineMs / 1000} s deadline each.
The gateway: 429-storm (20 requests per 10 s per key, a shared pool, 25% extra 429s): it can
answer about ${Math.round((load.deadlineMs / 10_000) * 20)} of them before the last deadline.
Three clients at once, each on its own copy of the gateway:
  OpenAI SDK      the plain SDK, its default retries
  paced           resilient-llm on the same single gateway, paced to its window
  paced+fallback  resilient-llm paced, with a healthy fallback provider\n`);

const plain = createTally('OpenAI SDK', REQUESTS);
const paced = createTally('paced', REQUESTS);
const pacedWithFallback = createTally('paced+fallback', REQUESTS);
const tallies = [plain, paced, pacedWithFallback];
const startedAt = performance.now();
// A line every second: readable in a terminal and in CI logs alike.
const progress = setInterval(
  () => console.log(progressLine(performance.now() - startedAt, tallies)),
  1000,
);
try {
  await Promise.all([
    runLoad(plainClient(plainGateway.baseURL), plain, load),
    runLoad(pacedClient(pacedGateway.baseURL), paced, load),
    runLoad(
      pacedWithFallbackClient(fallbackArmGateway.baseURL, fallback.baseURL),
      pacedWithFallback,
      load,
    ),
  ]);
} finally {
  clearInterval(progress);
}
console.log(progressLine(performance.now() - startedAt, tallies));

const row = (
  tally: typeof plain,
  servers: { stats(): { rateLimited: number; requests: number } }[],
) => ({
  tally,
  rateLimited: servers.reduce((sum, server) => sum + server.stats().rateLimited, 0),
  requestsSent: servers.reduce((sum, server) => sum + server.stats().requests, 0),
});
console.log(
  `\n${comparisonTable([
    row(plain, [plainGateway]),
    row(paced, [pacedGateway]),
    row(pacedWithFallback, [fallbackArmGateway, fallback]),
  ])}\n`,
);
console.log(
  `Latencies are of successful requests. The whole run took ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`,
);
console.log('Measured benchmarks: docs/bench/results.md.');
await Promise.all([...gateways, fallback].map((server) => server.close()));
