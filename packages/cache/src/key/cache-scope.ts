/**
 * Who would answer a request: the endpoint and the credentials it would be sent with (the
 * shape of `CacheScope` of `@resilient-llm/core`, which a binding's `cacheScope` gives). The
 * stage keys entries by `endpoint` and by an HMAC-SHA-256 of `credentials`; the credentials
 * themselves are never stored, logged or reported.
 */
export interface CacheScope {
  /** Where the request would go: a base URL, or a provider and model when there is none. */
  readonly endpoint: string;
  /**
   * API keys, authorization headers, account ids: what identifies the account. An object
   * stands for credentials that cannot be read (a client whose key comes from a function): it
   * is keyed by its identity in this process. `undefined` values are left out.
   */
  readonly credentials: Readonly<Record<string, string | object | undefined>>;
}
