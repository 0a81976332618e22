// Recipe: a streaming chat route with streamText and a resilient model. The primary model's
// first token takes seconds; after 500 ms the route gives up on it and streams the backup's
// answer, and the caller sees one clean stream.
import { startSimulator } from '@resilient-llm/simulator';
import { createChatRoute } from './route.ts';

const primary = await startSimulator({
  defaultModel: { faults: [{ type: 'slow-first-token', medianMs: 5_000, p99Ms: 5_000 }] },
});
const backup = await startSimulator({ defaultModel: { latency: { tokensPerSecond: 200 } } });
const POST = createChatRoute({ primaryURL: primary.baseURL, backupURL: backup.baseURL });

const startedAt = performance.now();
const response = await POST(
  new Request('http://localhost/api/chat', {
    method: 'POST',
    body: JSON.stringify({ prompt: 'Why guard the time to the first token?' }),
  }),
);
let text = '';
let firstChunkMs = 0;
for await (const chunk of response.body!.pipeThrough(new TextDecoderStream())) {
  firstChunkMs ||= performance.now() - startedAt;
  text += chunk;
}
console.log(`first text after ${Math.round(firstChunkMs)} ms: ${text}`);
console.log(`primary requests: ${primary.stats().requests}, backup: ${backup.stats().requests}`);
await Promise.all([primary.close(), backup.close()]);
if (text.length === 0 || firstChunkMs > 3_000) process.exit(1);
