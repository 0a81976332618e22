// Getting started: the same two-channel setup with the OpenAI SDK and with the AI SDK.
// The gateway is overloaded half of the time; the direct endpoint is healthy.
import { startSimulator } from '@resilient-llm/simulator';
import { askWithAiSdk } from './with-ai-sdk.ts';
import { askWithOpenAI } from './with-openai.ts';

const gateway = await startSimulator({
  seed: 2,
  defaultModel: { faults: [{ type: 'overloaded', probability: 0.5 }] },
});
const direct = await startSimulator({ seed: 2 });
try {
  console.log('OpenAI SDK:', await askWithOpenAI(gateway.baseURL, direct.baseURL));
  console.log('AI SDK:', await askWithAiSdk(gateway.baseURL, direct.baseURL));
} finally {
  await Promise.all([gateway.close(), direct.close()]);
}
