import { InvalidOptionError } from '@resilient-llm/core';
import {
  assertObject,
  assertOptions,
  assertRequired,
  assertString,
} from '@resilient-llm/core/binding';
import { refuseOwnedKeys } from '../options/refuse-owned-keys';

/** What tells the options of one OpenAI sender apart. */
export interface SenderOptionRules {
  /** Every option of the sender. */
  readonly knownKeys: readonly string[];
  /** The path of the client method it calls, e.g. `['embeddings', 'create']`. */
  readonly clientMethod: readonly string[];
  /** Fields of the request it sets itself. */
  readonly ownedRequestKeys: readonly string[];
}

/**
 * Checks what both OpenAI senders take: an options object of known keys, a client with the
 * method the sender calls, a model name, and request fields to pass on, none of them one the
 * sender sets itself. Throws `InvalidOptionError` naming the field.
 */
export function assertSenderOptions(
  options: unknown,
  { knownKeys, clientMethod, ownedRequestKeys }: SenderOptionRules,
): void {
  assertRequired('options', options);
  assertOptions('', options, knownKeys);
  const { client, model, request } = options as Record<string, unknown>;
  const method = clientMethod.reduce<unknown>(
    (owner, key) => (owner as Record<string, unknown> | null | undefined)?.[key],
    client,
  );
  if (typeof method !== 'function') {
    throw new InvalidOptionError({
      field: ['client', ...clientMethod].join('.'),
      value: method,
      reason: 'must be a function (client must be an OpenAI client, or a resilient one)',
    });
  }
  assertRequired('model', model);
  assertString('model', model);
  assertObject('request', request);
  refuseOwnedKeys('request', request, ownedRequestKeys);
}
