/** Which target answered a call through the resilient client, and how many attempts it took. */
export interface OpenAIProvenance {
  /** The id of the target that answered. */
  readonly targetId: string;
  /** Its position in the fallback chain, from 0. */
  readonly targetIndex: number;
  /** Attempts started across all targets during the call. */
  readonly attempts: number;
  /** The model name sent to the answering target (after its `models` mapping). */
  readonly model: string | undefined;
}

// Keyed by the result object the caller holds, so provenance lives exactly as long as it.
const provenanceByResult = new WeakMap<object, OpenAIProvenance>();

/** Records where a result came from. */
export function setProvenance(result: object, provenance: OpenAIProvenance): void {
  provenanceByResult.set(result, provenance);
}

/**
 * Where a result of the resilient client came from: the `ChatCompletion`, `Response`,
 * embeddings response or `Stream` it returned. Undefined for anything else, such as the
 * result of a plain `OpenAI` client.
 */
export function getProvenance(result: unknown): OpenAIProvenance | undefined {
  return typeof result === 'object' && result !== null ? provenanceByResult.get(result) : undefined;
}
