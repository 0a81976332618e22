import { InvalidOptionError } from '@resilient-llm/core';
import type { OpenAIRequest } from './openai-request';

/**
 * Refuses, before anything is sent, a request the OpenAI SDK cannot answer as the call asks:
 * a `stream()` call whose body does not say `stream: true` (the SDK would return a plain
 * response, not a stream), a `generate()` call whose body does (it would return a stream),
 * and any stream of the embeddings endpoint, which never streams.
 */
export function checkRequest(request: OpenAIRequest, mode: 'generate' | 'stream'): void {
  const streams = (request.body as { stream?: unknown }).stream === true;
  if (mode === 'stream' && request.endpoint === 'embeddings') {
    throw new InvalidOptionError({
      field: 'endpoint',
      value: request.endpoint,
      reason: 'never streams: call generate instead of stream',
    });
  }
  if (mode === 'stream' && !streams) {
    throw new InvalidOptionError({
      field: 'body.stream',
      value: (request.body as { stream?: unknown }).stream,
      reason: 'must be true for a stream call: set stream: true in the body, or call generate',
    });
  }
  if (mode === 'generate' && streams) {
    throw new InvalidOptionError({
      field: 'body.stream',
      value: true,
      reason: 'asks for a stream: call stream instead of generate, or leave stream out',
    });
  }
}
