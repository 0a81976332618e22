// Recipe: survive 429s from a congested shared gateway. The gateway allows 5 requests per
// second per key and answers some requests with a 429 asking for a short wait. The client
// paces itself to the limits the gateway reports and waits exactly as long as it asks.
import { createResilientOpenAI } from '@resilient-llm/openai';
import { startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';

const gateway = await startSimulator({
  seed: 7,
  defaultModel: {
    rateLimit: { requestsPerWindow: 5, windowMs: 1_000 },
    faults: [{ type: 'rate-limit', probability: 0.2, retryAfterMs: 300 }],
  },
});

const openai = createResilientOpenAI({
  targets: [{ id: 'gateway', client: new OpenAI({ baseURL: gateway.baseURL, apiKey: 'sk-demo' }) }],
  // Pace to the gateway's published limit over the window it counts in; the x-ratelimit-*
  // headers of its responses correct the local count as they arrive.
  rateLimit: { requestsPerWindow: 5, windowMs: 1_000, maxWaitMs: 5_000 },
  // Wait max(backoff, the server's retry-after); give up on a target asking for more than 5 s.
  retry: { maxAttempts: 5, initialDelayMs: 100, maxServerDelayMs: 5_000 },
  timeoutMs: 20_000,
});

let waitsAskedFor = 0;
openai.on('attempt-failure', ({ failure }) => {
  if (failure.kind === 'rate-limited') waitsAskedFor++;
});

const questions = Array.from({ length: 15 }, (_, index) => `Question ${index}: what is a 429?`);
const startedAt = performance.now();
const answers = await Promise.all(
  questions.map((content) =>
    openai.chat.completions.create({ model: 'gpt-sim', messages: [{ role: 'user', content }] }),
  ),
);
const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);

const stats = gateway.stats();
console.log(`${answers.length}/${questions.length} answered in ${seconds} s`);
console.log(`requests sent: ${stats.requests}, 429s received: ${stats.rateLimited}`);
console.log(`429s that asked for a wait and got it: ${waitsAskedFor}`);
await gateway.close();
if (answers.length !== questions.length) process.exit(1);
