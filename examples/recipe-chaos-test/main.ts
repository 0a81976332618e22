// Recipe: chaos-test your own app with the simulator. The app's summariser runs against a
// provider that overloads (30% 529, 10% 503) and then against one whose streams stall and
// drop before their first tokens; every call must still succeed. Seeds make each run the same.
import assert from 'node:assert/strict';
import { startSimulator } from '@resilient-llm/simulator';
import { createSummariser } from './app.ts';

const tickets = Array.from(
  { length: 12 },
  (_, index) => `ticket ${index}: the export button is grey`,
);

const overloaded = await startSimulator({ scenario: 'overloaded', seed: 11 });
// Streams that drop or stall after 0 tokens: the failure is always before the commit
// point, so the pipeline may retry it invisibly.
const brokenStreams = await startSimulator({
  seed: 12,
  defaultModel: {
    latency: { tokensPerSecond: 500 },
    faults: [
      { type: 'drop', afterTokens: 0, probability: 0.2 },
      { type: 'stall', afterTokens: 0, durationMs: 5_000, probability: 0.2 },
    ],
  },
});

try {
  for (const provider of [overloaded, brokenStreams]) {
    const summarise = createSummariser(provider.baseURL);
    const summaries = await Promise.all(tickets.map((ticket) => summarise(ticket)));
    assert.equal(summaries.length, tickets.length);
    for (const summary of summaries) assert.ok(summary.length > 0, 'every summary has text');
    const { requests, faults } = provider.stats();
    assert.ok(requests > tickets.length, 'the provider really did fail some requests');
    console.log(
      `${tickets.length} summaries, ${requests} requests, faults: ${JSON.stringify(faults)}`,
    );
  }
  console.log('chaos test passed');
} finally {
  await Promise.all([overloaded.close(), brokenStreams.close()]);
}
