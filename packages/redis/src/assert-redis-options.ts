import { InvalidOptionError } from '@resilient-llm/policies';

/**
 * Validates the options every Redis store shares: a node-redis client with the `methods` the
 * store calls, and a string key prefix. Throws `InvalidOptionError` naming the field.
 */
export function assertRedisOptions(
  { client, keyPrefix }: { client: unknown; keyPrefix: unknown },
  methods: readonly string[],
): void {
  const usable =
    typeof client === 'object' &&
    client !== null &&
    methods.every((method) => typeof (client as Record<string, unknown>)[method] === 'function');
  if (!usable) {
    const names = `${methods.slice(0, -1).join(', ')}${methods.length > 1 ? ' and ' : ''}${methods.at(-1)}`;
    throw new InvalidOptionError({
      field: 'client',
      value: client,
      reason: `must be a Redis client with ${names} (node-redis)`,
    });
  }
  if (typeof keyPrefix !== 'string') {
    throw new InvalidOptionError({
      field: 'keyPrefix',
      value: keyPrefix,
      reason: 'must be a string',
    });
  }
}
