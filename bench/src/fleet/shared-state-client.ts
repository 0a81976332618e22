import { createResilientOpenAI } from '@resilient-llm/openai';
import { redisSharedState } from '@resilient-llm/redis';
import type OpenAI from 'openai';
import { createClient } from 'redis';
import type { FleetClient } from './fleet-client.ts';
import type { WorkerOrder } from './fleet-messages.ts';

/**
 * Our client with every option at its default and the fleet's state on Redis: every worker
 * built with the same target ids and prefix paces to one limit and shares its pauses.
 */
export async function createSharedStateClient(
  sdk: OpenAI,
  { redisURL, prefix, deadlineMs }: WorkerOrder & { redisURL: string },
): Promise<FleetClient> {
  const redis = createClient({ url: redisURL });
  await redis.connect();
  const sharedState = redisSharedState({ client: redis, keyPrefix: prefix });
  return {
    client: createResilientOpenAI({
      targets: [{ id: 'primary', client: sdk }],
      timeoutMs: deadlineMs,
      sharedState,
    }),
    async close() {
      await sharedState.close?.();
      await redis.quit();
    },
  };
}
