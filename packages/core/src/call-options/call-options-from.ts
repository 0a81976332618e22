import { assertObject, InvalidOptionError } from '@resilient-llm/policies/validation';
import type { CallOptions } from '../contract/resilient-model';

/**
 * The pipeline's per-call options of one SDK call, for adapter authors: the caller's own
 * options as the SDK's per-call channel carried them (`field` names that channel, such as
 * `providerOptions.resilientLlm`), plus the SDK's own abort signal as `signal`. Throws
 * `InvalidOptionError` when the channel holds no object or holds a `signal` of its own (the SDK's
 * signal option, named by `signalOption`, is the one place for it). The model checks every
 * other key when the call starts.
 */
export function callOptionsFrom(
  field: string,
  own: unknown,
  signal: AbortSignal | null | undefined,
  signalOption: string,
): CallOptions {
  assertObject(field, own);
  if (own !== undefined && 'signal' in (own as object)) {
    throw new InvalidOptionError({
      field: `${field}.signal`,
      value: (own as CallOptions).signal,
      reason: `is the SDK's \`${signalOption}\`: pass it there`,
    });
  }
  return { ...(own as CallOptions | undefined), ...(signal && { signal }) };
}
