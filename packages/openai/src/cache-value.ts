import type { OpenAIResponse, OpenAIResult, OpenAIStreamPart } from './openai-response';

/**
 * What the response cache stores of a response: the body without what echoes the request
 * (a Responses API object's `instructions` become `null`, an echoed `input` is dropped), and
 * the HTTP head without `set-cookie`. A replay is the same answer to the same request; the
 * caller holds its own instructions.
 */
export function cacheResponse({ data, response }: OpenAIResponse): OpenAIResponse {
  return { data: withoutEcho(data), response: cacheHead(response) };
}

/**
 * What the response cache stores of what a stream opened (its HTTP response): the head
 * without `set-cookie`, given back on a hit for `.withResponse()`.
 */
export function cacheOpened(opened: unknown): unknown {
  return opened instanceof Response ? cacheHead(opened) : opened;
}

function cacheHead(response: Response): Response {
  if (!response.headers.has('set-cookie')) return response;
  const headers = new Headers(response.headers);
  headers.delete('set-cookie');
  const { status, statusText } = response;
  return new Response(null, { status, statusText, headers });
}

/** What the response cache stores of a stream part: Responses API events carry the response, without its echo. */
export function cachePart(part: OpenAIStreamPart): OpenAIStreamPart {
  const { response } = part as { response?: OpenAIResult };
  return response?.object === 'response'
    ? ({ ...part, response: withoutEcho(response) } as OpenAIStreamPart)
    : part;
}

function withoutEcho<TResult extends OpenAIResult>(data: TResult): TResult {
  if (data.object !== 'response') return data;
  const { input: _input, ...rest } = data as typeof data & { input?: unknown };
  return { ...rest, instructions: null } as TResult;
}
