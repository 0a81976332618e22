import type { IncomingMessage } from 'node:http';
import { isRecord } from '../content/json-schema';

/** Largest body accepted; generous so context-length tests can send huge prompts. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Reads and parses a JSON object body; resolves undefined when it is not one. Plain stream
 * events rather than async iteration: this runs on every request of a load test.
 */
export function readJsonBody(
  request: IncomingMessage,
): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.once('error', () => resolve(undefined));
    request.once('end', () => {
      if (size > MAX_BODY_BYTES) return resolve(undefined);
      try {
        const parsed: unknown = JSON.parse(
          chunks.length === 1
            ? chunks[0]!.toString('utf8')
            : Buffer.concat(chunks).toString('utf8'),
        );
        resolve(isRecord(parsed) ? parsed : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}
