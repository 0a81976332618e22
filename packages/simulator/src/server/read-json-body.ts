import type { IncomingMessage } from 'node:http';
import { isRecord } from '../content/json-schema';

/** Largest body accepted; generous so context-length tests can send huge prompts. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Reads and parses a JSON object body; resolves undefined when it is not one. */
export async function readJsonBody(
  request: IncomingMessage,
): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
