import { createResilientOpenAI } from '@resilient-llm/openai';
import OpenAI from 'openai';
import type { ChatClient } from '../workload/chat-call.ts';
import type { WorkerOrder } from './fleet-messages.ts';

/** A worker's client, and what to release when the worker is done. */
export interface FleetClient {
  client: ChatClient;
  close(): Promise<void>;
}

/** Builds the client one worker of the `order.kind` arm calls the provider with. */
export async function createFleetClient(order: WorkerOrder): Promise<FleetClient> {
  const sdk = new OpenAI({ baseURL: order.baseURL, apiKey: 'sk-bench' });
  if (order.kind === 'plain') return { client: sdk, close: async () => {} };
  if (order.kind === 'local') {
    const client = createResilientOpenAI({
      targets: [{ id: 'primary', client: sdk }],
      timeoutMs: order.deadlineMs,
    });
    return { client, close: async () => {} };
  }
  // Loaded only by the shared arm's workers: the others never load a Redis client.
  const { redisURL } = order;
  if (!redisURL) throw new Error('the shared arm needs a redis-server');
  const { createSharedStateClient } = await import('./shared-state-client.ts');
  return createSharedStateClient(sdk, { ...order, redisURL });
}
