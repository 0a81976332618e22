/** A stream to play: events before, during and after the content, already SSE-encoded. */
export interface StreamScript {
  /** Events sent with the first token (role chunk, `response.created`, ...). */
  readonly preamble: readonly string[];
  /** One event per token. */
  readonly content: readonly string[];
  /** Events after the content (finish, usage, `[DONE]`, `response.completed`). */
  readonly epilogue: readonly string[];
  /** A broken event, sent in place when a `malformed-chunk` fault fires. */
  readonly malformed: string;
}

/** Encodes one `data:` SSE event, optionally named. */
export function sseEvent(data: unknown, eventName?: string): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return eventName ? `event: ${eventName}\ndata: ${payload}\n\n` : `data: ${payload}\n\n`;
}
