/** How a worker of the fleet calls the provider. */
export type FleetArmKind = 'plain' | 'local' | 'shared';

/** One arm of the fleet scenario: every worker of the fleet is built the same way. */
export interface FleetArm {
  kind: FleetArmKind;
  name: string;
  /** How each worker is configured, for the report. */
  description: string;
}

/** Every arm, in the order the report lists them. */
export const fleetArms: FleetArm[] = [
  {
    kind: 'plain',
    name: 'OpenAI SDK (default retries)',
    description: '`new OpenAI()` defaults in every worker',
  },
  {
    kind: 'local',
    name: 'resilient-llm, local state',
    description:
      '`createResilientOpenAI` with `timeoutMs` = the deadline and every other option at its default in every worker: each learns the limit from headers alone',
  },
  {
    kind: 'shared',
    name: 'resilient-llm, shared state on Redis',
    description:
      'as above with `sharedState: redisSharedState({ client, keyPrefix })`, one node-redis `createClient` connection per worker to one redis-server',
  },
];
