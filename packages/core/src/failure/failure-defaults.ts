import type { FailureKind } from '../contract/failure';

/** What a kind of failure allows by default, and how it reads when nothing better is known. */
export interface FailureDefaults {
  /** Another attempt on the same target may succeed. */
  readonly retryable: boolean;
  /** Another target may succeed where this one failed. */
  readonly fallbackable: boolean;
  /** Message used when the failure carries none of its own. */
  readonly description: string;
}

/**
 * The one table of defaults per {@link FailureKind}; {@link createFailure} applies it.
 *
 * Transient conditions (`rate-limited`, `overloaded`, `server`, `timeout`, `network`) allow
 * both. Conditions tied to this request on this target (`context-length`, `content-filter`,
 * `spend-cap`, `auth`) will not change on retry but may not hold elsewhere: a larger window,
 * another provider's policy, another account's budget or key. `bad-request` is the request's
 * own fault and `aborted` is the caller's choice, so neither allows anything.
 *
 * `refused` (our own circuit, bulkhead or rate limiter said no) is fallbackable, not retryable:
 * the same target will refuse again at once, another one may have room.
 *
 * `unknown` is fallbackable but not retryable: an error we cannot recognise is most often
 * deterministic (retrying burns attempts and budget on the same outcome), yet it may be
 * specific to one provider or SDK, and refusing to fall back would turn one target's oddity
 * into an outage. A fallback chain also ends, so the cost is bounded.
 */
export const failureDefaults: Readonly<Record<FailureKind, FailureDefaults>> = {
  'rate-limited': { retryable: true, fallbackable: true, description: 'Rate limited.' },
  overloaded: { retryable: true, fallbackable: true, description: 'The provider is overloaded.' },
  server: { retryable: true, fallbackable: true, description: 'The provider failed.' },
  timeout: { retryable: true, fallbackable: true, description: 'The request timed out.' },
  network: { retryable: true, fallbackable: true, description: 'The connection failed.' },
  'context-length': {
    retryable: false,
    fallbackable: true,
    description: "The prompt does not fit the model's context window.",
  },
  'content-filter': {
    retryable: false,
    fallbackable: true,
    description: 'The provider refused the content.',
  },
  'spend-cap': {
    retryable: false,
    fallbackable: true,
    description: 'The quota or spending limit is exhausted.',
  },
  auth: { retryable: false, fallbackable: true, description: 'Authentication failed.' },
  'bad-request': { retryable: false, fallbackable: false, description: 'The request is invalid.' },
  aborted: { retryable: false, fallbackable: false, description: 'The caller aborted.' },
  refused: {
    retryable: false,
    fallbackable: true,
    description: 'A local policy refused to send the request.',
  },
  unknown: { retryable: false, fallbackable: true, description: 'The request failed.' },
};
