// createResilientModel() riding out scripted failures: a shared gateway answering 429, a
// direct endpoint whose first token never comes, and a smaller model that answers.
import {
  AllTargetsFailedError,
  createResilientModel,
  StreamInterruptedError,
} from '@resilient-llm/core';
import { type Channel, ProviderError, scriptedProvider } from './scripted-provider.ts';

const gateway: Channel = {
  name: 'shared-gateway',
  next: [
    { kind: 'fail', error: new ProviderError(429, { 'retry-after': '20' }) },
    { kind: 'fail', error: new ProviderError(529) },
    { kind: 'drop-after', text: 'The first half of an answer' },
    { kind: 'fail', error: new ProviderError(400, {}, 'invalid_request_error') },
  ],
};
const direct: Channel = {
  name: 'direct-endpoint',
  next: [
    { kind: 'answer', text: 'a breaker stops calls to a failing service.' },
    { kind: 'stall-before-first-token' },
  ],
};
const smallModel: Channel = { name: 'small-model', next: [] };

const model = createResilientModel({
  binding: scriptedProvider,
  targets: [gateway, direct, smallModel],
  timeoutMs: 10_000,
  streamTimeouts: { firstContentTimeoutMs: 300 },
});
model.on('attempt-failure', ({ targetId, failure }) =>
  console.log(
    `  ${targetId} failed: ${failure.kind}${failure.retryAfterMs ? ` (asked to wait ${failure.retryAfterMs} ms)` : ''}${failure.phase ? ` (${failure.phase})` : ''}`,
  ),
);
model.on('fallback', ({ targetId, nextTargetId }) =>
  console.log(`  falling over from ${targetId} to ${nextTargetId}`),
);

console.log('1. generate: the gateway is rate-limited, the direct endpoint is fine');
const first = await model.generate('What is a circuit breaker?');
console.log(`  -> ${first.response} [target ${first.targetId}, ${first.attempts} attempts]\n`);

console.log(
  '2. stream: the gateway is overloaded, the direct endpoint stalls before its first token',
);
const second = await model.stream('Name three resilience patterns.');
let text = '';
for await (const part of second.stream) if (part.type === 'text') text += part.text;
console.log(`  -> "${text.trim()}" [target ${second.targetId}, ${second.attempts} attempts]\n`);

console.log('3. stream: the connection drops after content reached the caller');
const third = await model.stream('Tell me a long story.');
try {
  for await (const _part of third.stream) {
    // Content is already on screen: no silent retry may repeat it.
  }
} catch (error) {
  if (!StreamInterruptedError.isInstance(error)) throw error;
  console.log(
    `  -> interrupted after ${error.partialParts.length} parts (${error.failure.kind}); the caller decides what to do\n`,
  );
}

console.log('4. generate: a bad request is not retried anywhere else');
try {
  await model.generate('malformed');
} catch (error) {
  if (AllTargetsFailedError.isInstance(error)) throw error;
  console.log(`  -> ${(error as Error).message}: the call ends with the provider's own error`);
}
