// Recipe: observe what happens. One telemetry sink receives every pipeline event: it writes
// a structured log line for each attempt that failed or fell over, and feeds metrics.
import type { PipelineEvent } from '@resilient-llm/core';
import { createResilientOpenAI } from '@resilient-llm/openai';
import { startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { createMetrics } from './metrics.ts';

const primary = await startSimulator({
  seed: 5,
  defaultModel: { faults: [{ type: 'overloaded', probability: 0.5 }] },
});
const backup = await startSimulator({ scenario: 'steady' });
const metrics = createMetrics();

/** Logs what an operator needs to see as one JSON line; successes only go to the metrics. */
function log(event: PipelineEvent): void {
  if (event.type === 'attempt-failure' || event.type === 'fallback') {
    const { type, targetId, failure } = event;
    console.log(
      JSON.stringify({ event: type, targetId, kind: failure.kind, status: failure.status }),
    );
  }
}

const openai = createResilientOpenAI({
  targets: [
    { id: 'primary', client: new OpenAI({ baseURL: primary.baseURL, apiKey: 'sk-demo' }) },
    { id: 'backup', client: new OpenAI({ baseURL: backup.baseURL, apiKey: 'sk-demo' }) },
  ],
  retry: { maxAttempts: 2, initialDelayMs: 20 },
  telemetry: (event) => {
    log(event);
    metrics.record(event);
  },
});

// One subscription to a single event type, disposed when no longer needed.
let commits = 0;
const subscription = openai.on('stream-commit', () => commits++);

for (let index = 0; index < 8; index++) {
  await openai.chat.completions.create({
    model: 'gpt-sim',
    messages: [{ role: 'user', content: `Status report ${index}` }],
  });
}
const stream = await openai.chat.completions.create({
  model: 'gpt-sim',
  messages: [{ role: 'user', content: 'Stream a status report' }],
  stream: true,
});
for await (const _chunk of stream);
subscription.dispose();

console.log(`\nstreams committed: ${commits}\n${metrics.exposition()}`);
await Promise.all([primary.close(), backup.close()]);
