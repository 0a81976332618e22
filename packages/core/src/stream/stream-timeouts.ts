import { optionKeys } from '@resilient-llm/policies/validation';

/** Time limits on the parts of one streaming attempt. */
export interface StreamTimeouts {
  /**
   * Longest wait from the start of the attempt until the first content part. Before the
   * commit point its expiry is a retryable, fallbackable `timeout` failure of phase
   * `first-token`. Defaults to none (no limit).
   */
  readonly firstContentTimeoutMs?: number;
  /**
   * Longest gap between two parts, before or after the commit point (phase `idle`). Defaults
   * to none (no limit).
   */
  readonly idleTimeoutMs?: number;
}

/** Every option of {@link StreamTimeouts}: any other key is refused. */
export const streamTimeoutKeys = optionKeys<StreamTimeouts>({
  firstContentTimeoutMs: true,
  idleTimeoutMs: true,
});
