/** One request as it left the client: what the server received. */
export interface SentRequest {
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent (an SDK sends JSON text). */
  readonly body: string;
}

/** A `fetch` for an SDK client that keeps every request it sends, then sends it. */
export function createCapturingFetch(): {
  readonly fetch: typeof fetch;
  readonly sent: SentRequest[];
} {
  const sent: SentRequest[] = [];
  const capturing = async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === 'string' ? init.body : String(init?.body ?? '');
    sent.push({ url, headers, body });
    return fetch(input, init);
  };
  return { fetch: capturing as typeof fetch, sent };
}
