// Recipe: fail over from a shared gateway to the vendor's direct endpoint, then to a smaller
// model. The gateway is overloaded (every call a 529), the direct endpoint is down for
// connections, the smaller model answers. Each channel names the model its own way.
import { AllTargetsFailedError } from '@resilient-llm/core';
import { createResilientOpenAI, getProvenance } from '@resilient-llm/openai';
import { startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';

const gateway = await startSimulator({ defaultModel: { faults: [{ type: 'overloaded' }] } });
const direct = await startSimulator({ defaultModel: { faults: [{ type: 'connection-reset' }] } });
const vendor = await startSimulator({ scenario: 'steady' });

const openai = createResilientOpenAI({
  targets: [
    { id: 'gateway', client: new OpenAI({ baseURL: gateway.baseURL, apiKey: 'sk-gateway' }) },
    {
      id: 'direct',
      client: new OpenAI({ baseURL: direct.baseURL, apiKey: 'sk-vendor' }),
      models: { 'acme/large': 'large-2026' }, // the same model, named the vendor's way
    },
    {
      id: 'small',
      client: new OpenAI({ baseURL: vendor.baseURL, apiKey: 'sk-vendor' }),
      models: () => 'small-2026', // last resort: a smaller model for everything
    },
  ],
  retry: { maxAttempts: 2, initialDelayMs: 50 }, // two calls per channel, then move on
  timeoutMs: 10_000, // one deadline for every retry, wait and fallback together
});

openai.on('fallback', ({ targetId, nextTargetId, failure }) =>
  console.log(`${targetId} -> ${nextTargetId}: ${failure.kind}`),
);

try {
  const completion = await openai.chat.completions.create({
    model: 'acme/large',
    messages: [{ role: 'user', content: 'Summarise the incident in one line.' }],
  });
  const provenance = getProvenance(completion);
  console.log(
    `answered by ${provenance?.targetId} as ${provenance?.model} after ${provenance?.attempts} attempts`,
  );
  console.log(completion.choices[0]?.message.content);
} catch (error) {
  if (AllTargetsFailedError.isInstance(error)) {
    for (const { targetId, failure } of error.failures) console.error(targetId, failure.kind);
  }
  process.exitCode = 1;
} finally {
  await Promise.all([gateway.close(), direct.close(), vendor.close()]);
}
