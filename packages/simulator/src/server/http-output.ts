import type { ServerResponse } from 'node:http';

/** Sends a JSON body with its length, so keep-alive connections are reused. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const json = JSON.stringify(body);
  // Node knows no reason phrase for 529; give Anthropic's.
  const reason = status === 529 ? 'Overloaded' : undefined;
  const allHeaders = {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(json)),
  };
  if (reason) response.writeHead(status, reason, allHeaders);
  else response.writeHead(status, allHeaders);
  response.end(json);
}

/** Writes text and resolves once it has been handed to the socket. */
export function writeFlushed(response: ServerResponse, text: string): Promise<void> {
  return new Promise((resolve) => {
    response.write(text, () => resolve());
  });
}
