// Opens a stream through the resilient client, never reads it, stops the server and lets go.
// Nothing the caller still holds is pending, so the process must exit by itself, as it does
// with the plain SDK.

import { createResilientOpenAI } from '@resilient-llm/openai';
import { startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';

const simulator = await startSimulator({ seed: 1 });
const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test' });
const resilient = createResilientOpenAI({ targets: [{ client }] });
await resilient.chat.completions.create({
  model: 'gpt-sim',
  messages: [{ role: 'user', content: 'Stream me a story.' }],
  stream: true,
});
await simulator.close();
process.stdout.write('let go\n');
