import { estimateTokens } from '../content/estimate-tokens';
import { optionalCount } from './request-fields';

/** A `/v1/embeddings` body as the simulator reads it. */
export interface EmbeddingsRequest {
  readonly model: string;
  /** Inputs as text; token arrays are joined so they still embed deterministically. */
  readonly inputs: readonly string[];
  readonly promptTokens: number;
  readonly encoding: 'float' | 'base64';
  readonly dimensions: number | undefined;
}

/** Reads an embeddings request; `input` may be a string, strings, a token array or token arrays. */
export function readEmbeddingsRequest(body: Record<string, unknown>): EmbeddingsRequest {
  const raw = body.input;
  const list: unknown[] =
    Array.isArray(raw) && !raw.every((entry) => typeof entry === 'number') ? raw : [raw];
  let promptTokens = 0;
  const inputs = list.map((entry) => {
    if (Array.isArray(entry)) {
      promptTokens += entry.length;
      return entry.join(',');
    }
    const text = typeof entry === 'string' ? entry : String(entry ?? '');
    promptTokens += estimateTokens(text);
    return text;
  });
  return {
    model: typeof body.model === 'string' ? body.model : '',
    inputs,
    promptTokens,
    encoding: body.encoding_format === 'base64' ? 'base64' : 'float',
    dimensions: optionalCount(body.dimensions) || undefined,
  };
}
