import type { LanguageModelV4StreamPart, LanguageModelV4StreamResult } from '@ai-sdk/provider';

/** The type of {@link StreamOpenedPart}. */
export const streamOpenedType = 'resilient-llm.stream-opened';

/**
 * A part the binding puts first in every attempt's stream, carrying the `request` and
 * `response` of `doStream`. Buffered as preamble, it reaches the resilient model once, from
 * the attempt that committed, and never reaches the AI SDK.
 */
export interface StreamOpenedPart {
  readonly type: typeof streamOpenedType;
  readonly request: LanguageModelV4StreamResult['request'];
  readonly response: LanguageModelV4StreamResult['response'];
}

/** A stream part as the pipeline sees it: the AI SDK's parts plus {@link StreamOpenedPart}. */
export type ResilientStreamPart = LanguageModelV4StreamPart | StreamOpenedPart;

/** True for the binding's own {@link StreamOpenedPart}. */
export function isStreamOpenedPart(part: ResilientStreamPart): part is StreamOpenedPart {
  return part.type === streamOpenedType;
}
