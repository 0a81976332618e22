// createResilientModel() riding out scripted failures: a shared gateway that rate-limits and
// then overloads, a direct endpoint whose first token sometimes never comes, and a smaller
// model as the last resort. Waits are scaled down to fractions of a second.
import {
  AllTargetsFailedError,
  createResilientModel,
  StreamInterruptedError,
} from '@resilient-llm/core';
import { type Channel, ProviderError, scriptedProvider } from './scripted-provider.ts';

const answer = (text: string) => ({ kind: 'answer', text }) as const;
const gateway: Channel = {
  name: 'shared-gateway',
  next: [
    { kind: 'fail', error: new ProviderError(429, { 'retry-after-ms': '250' }) },
    answer('a breaker stops calls to a failing service.'),
    { kind: 'fail', error: new ProviderError(529) },
    { kind: 'fail', error: new ProviderError(529) },
  ],
};
const direct: Channel = {
  name: 'direct-endpoint',
  next: [
    answer('retry, breaker, bulkhead, timeout, rate limit.'),
    answer('it answers while the gateway rests.'),
    { kind: 'stall-before-first-token' },
    { kind: 'stall-before-first-token' },
  ],
};
const smallModel: Channel = {
  name: 'small-model',
  next: [
    answer('small but standing.'),
    { kind: 'drop-after', text: 'Once upon a time there was a' },
    { kind: 'fail', error: new ProviderError(400, {}, 'invalid_request_error') },
  ],
};

const model = createResilientModel({
  binding: scriptedProvider,
  targets: [gateway, direct, smallModel],
  timeoutMs: 10_000,
  retry: { maxAttempts: 2, initialDelayMs: 100 },
  circuitBreaker: { strategy: { kind: 'consecutive', threshold: 2 } },
  streamTimeouts: { firstContentTimeoutMs: 300 },
});

let startedAt = Date.now();
const elapsed = () => `${String(Date.now() - startedAt).padStart(4)} ms`;
model.on('attempt-failure', ({ targetId, failure }) => {
  const detail = failure.retryAfterMs ? `, asked to wait ${failure.retryAfterMs} ms` : '';
  console.log(
    `  ${elapsed()}  ${targetId} failed: ${failure.kind}${failure.phase ? ` (${failure.phase})` : ''}${detail}`,
  );
});
model.on('attempt-start', ({ targetId, attempt }) =>
  console.log(`  ${elapsed()}  ${targetId}: attempt ${attempt}`),
);
model.on('fallback', ({ targetId, nextTargetId, failure }) =>
  console.log(`  ${elapsed()}  ${targetId} -> ${nextTargetId} (${failure.message})`),
);

async function step(title: string, run: () => Promise<string>) {
  console.log(`\n${title}`);
  startedAt = Date.now();
  console.log(`  => ${await run()}`);
}

await step(
  '1. The gateway answers 429 with retry-after-ms: 250; the retry waits at least that long',
  async () => {
    const { response, targetId, attempts } = await model.generate('What is a circuit breaker?');
    return `${response} [${targetId}, ${attempts} attempts]`;
  },
);

await step(
  '2. The gateway is overloaded twice: retries run out, its breaker opens, we fall over',
  async () => {
    const { response, targetId, attempts } = await model.generate('Name five resilience patterns.');
    return `${response} [${targetId}, ${attempts} attempts]`;
  },
);

await step('3. The open breaker skips the gateway without calling it', async () => {
  const { response, targetId, attempts } = await model.generate('Who answers now?');
  return `${response} [${targetId}, ${attempts} attempt]`;
});

await step(
  "4. Streaming: the first token never comes (twice), so the smaller model answers;\n   two timeouts in a row open the direct endpoint's breaker too",
  async () => {
    const { stream, targetId, attempts } = await model.stream('Say something.');
    let text = '';
    for await (const part of stream) if (part.type === 'text') text += part.text;
    return `"${text.trim()}" [${targetId}, ${attempts} attempts]`;
  },
);

await step('5. Streaming: the connection drops after content reached the caller', async () => {
  const { stream } = await model.stream('Tell me a long story.');
  try {
    for await (const _part of stream) {
      // Content is already on screen: no silent retry may repeat it.
    }
    return 'finished';
  } catch (error) {
    if (!StreamInterruptedError.isInstance(error)) throw error;
    return `StreamInterruptedError after ${error.partialParts.length} parts (${error.failure.kind}); the caller decides`;
  }
});

await step('6. A bad request is not retried, nor sent anywhere else', async () => {
  try {
    await model.generate('malformed');
    return 'unexpected success';
  } catch (error) {
    if (AllTargetsFailedError.isInstance(error)) throw error;
    return `${(error as Error).message}: the provider's own error`;
  }
});
