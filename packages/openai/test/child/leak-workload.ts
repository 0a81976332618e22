// Thousands of calls that succeed, abort, cancel unread streams, time out and fall over, all
// sharing one caller signal; then the servers close and the caller lets go. Prints what is
// still held (listeners on the shared signal, active handles and timers) as one JSON line,
// and must then exit by itself.
import { getEventListeners } from 'node:events';
import { createResilientOpenAI } from '@resilient-llm/openai';
import { startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';

const calls = 2_000;
const concurrency = 50;

const flaky = await startSimulator({
  seed: 5,
  defaultModel: {
    latency: { firstTokenMedianMs: 2, firstTokenP99Ms: 20, tokensPerSecond: 400 },
    faults: [
      { type: 'hang', probability: 0.1 },
      { type: 'server-error', probability: 0.15 },
      { type: 'drop', probability: 0.1, afterTokens: 2 },
      { type: 'slow-first-token', probability: 0.1, medianMs: 300 },
    ],
  },
});
const healthy = await startSimulator({
  seed: 6,
  defaultModel: { latency: { firstTokenMedianMs: 2, firstTokenP99Ms: 10 } },
});
const client = (baseURL: string) => new OpenAI({ baseURL, apiKey: 'sk-leak' });
const options = {
  targets: [
    { client: client(flaky.baseURL), id: 'flaky' },
    { client: client(healthy.baseURL), id: 'healthy' },
  ],
  attemptTimeoutMs: 1_000,
  retry: { maxAttempts: 2, initialDelayMs: 1 },
  streamTimeouts: { firstContentTimeoutMs: 1_000, idleTimeoutMs: 1_000 },
  bulkhead: { maxConcurrent: 40, maxQueued: 100 },
};
const resilient = createResilientOpenAI(options);
// Its calls run out of their total deadline while waiting for a slow or hanging flaky target.
const hurried = createResilientOpenAI({ ...options, timeoutMs: 50 });
const shared = new AbortController();
const question = (index: number) => ({
  model: 'gpt-sim',
  messages: [{ role: 'user' as const, content: `question ${index}` }],
});

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of stream) {
    // Read to the end.
  }
}

/** One call of the kind its index picks; resolves to how it ended. */
async function callOnce(index: number): Promise<string> {
  const signal = shared.signal;
  switch (index % 6) {
    case 0:
      await resilient.chat.completions.create(question(index), { signal });
      return 'answered';
    case 1: {
      const own = new AbortController();
      setTimeout(() => own.abort(), index % 7);
      await resilient.chat.completions.create(question(index), { signal: own.signal });
      return 'answered';
    }
    case 2: {
      const stream = await resilient.chat.completions.create(
        { ...question(index), stream: true },
        { signal },
      );
      stream.controller.abort();
      return 'stream aborted unread';
    }
    case 3: {
      const stream = await resilient.chat.completions.create(
        { ...question(index), stream: true },
        { signal },
      );
      await stream.toReadableStream().cancel();
      return 'stream cancelled unread';
    }
    case 4: {
      const stream = await resilient.chat.completions.create(
        { ...question(index), stream: true },
        { signal },
      );
      await drain(stream);
      return 'stream read';
    }
    default:
      await hurried.chat.completions.create(question(index), { signal });
      return 'answered';
  }
}

const outcomes = new Map<string, number>();
let next = 0;
async function worker(): Promise<void> {
  while (next < calls) {
    const index = next++;
    const outcome = await callOnce(index).catch(
      (error: unknown) => (error as Error).name ?? 'thrown',
    );
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
await Promise.all([flaky.close(), healthy.close()]);
// Let cancelled streams and closed sockets finish their own clean-up.
await new Promise((resolve) => setImmediate(resolve));

const report = {
  settled: [...outcomes.values()].reduce((sum, count) => sum + count, 0),
  outcomes: Object.fromEntries(outcomes),
  listeners: getEventListeners(shared.signal, 'abort').length,
  // Timers that would keep the process alive; sockets still closing are the servers' own.
  timers: process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout'),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
