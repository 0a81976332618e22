import { createOpenAI } from '@ai-sdk/openai';
import { startSimulator } from '@resilient-llm/simulator';
import { APICallError, generateText } from 'ai';
import OpenAI from 'openai';

// 30% of requests answer 529 overloaded and 10% 503; the seed picks which, the same every run.
const simulator = await startSimulator({ scenario: 'overloaded', seed: 42 });
try {
  const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test', maxRetries: 0 });
  for (let call = 1; call <= 4; call++) {
    try {
      const completion = await client.chat.completions.create({
        model: 'gpt-sim',
        messages: [{ role: 'user', content: 'Hi' }],
      });
      console.log(`chat ${call}: ${completion.choices[0]?.message.content}`);
    } catch (error) {
      if (!(error instanceof OpenAI.APIError)) throw error;
      console.log(`chat ${call}: failed, ${error.message}`);
    }
  }

  const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test' });
  try {
    const { text } = await generateText({ model: openai('gpt-sim'), prompt: 'Hi', maxRetries: 0 });
    console.log(`responses: ${text}`); // the AI SDK calls the Responses API
  } catch (error) {
    if (!APICallError.isInstance(error)) throw error;
    console.log(`responses: failed, ${error.statusCode} ${error.message}`);
  }

  const { requests, byStatus, faults } = simulator.stats();
  console.log(JSON.stringify({ requests, byStatus, faults }));
} finally {
  await simulator.close(); // ends every connection, hung ones too
}
