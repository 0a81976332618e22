/** A chat completion body as the simulator sends it, the parts a test rewrites. */
export interface CompletionBody {
  choices: { message: { content: string | null } }[];
}

/** What a test sees of each chat completion request. */
export interface SeenRequest {
  readonly lines: string[];
}

/**
 * A `fetch` for the OpenAI SDK that records each chat completion request's item lines and
 * lets `rewrite` change the answer's content before the SDK reads it: a model returning a
 * malformed or partial batch, without touching the simulator.
 */
export function tamperingFetch(rewrite: (content: string, request: SeenRequest) => string): {
  fetch: typeof fetch;
  seen: SeenRequest[];
} {
  const seen: SeenRequest[] = [];
  const tampered: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.endsWith('/chat/completions') || typeof init?.body !== 'string') {
      return fetch(input, init);
    }
    const body = JSON.parse(init.body) as { messages: { role: string; content: string }[] };
    const user = body.messages.findLast((message) => message.role === 'user')?.content ?? '';
    const request = { lines: user.split('\n').filter((line) => line.startsWith('[')) };
    seen.push(request);
    const response = await fetch(input, init);
    if (!response.ok) return response;
    const completion = (await response.json()) as CompletionBody;
    const message = completion.choices[0]?.message;
    if (message?.content) message.content = rewrite(message.content, request);
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(JSON.stringify(completion), { status: response.status, headers });
  };
  return { fetch: tampered, seen };
}
