/**
 * Embeds several texts in one request and resolves with one vector per text, in the order
 * given (see `createOpenAIEmbeddingSender`, `createAiSdkEmbeddingSender`).
 */
export type EmbeddingSender = (
  texts: readonly string[],
  options: { signal: AbortSignal },
) => Promise<readonly (readonly number[])[]>;
