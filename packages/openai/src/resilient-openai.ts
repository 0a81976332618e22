import type { ResilientModel, ResilientModelOptions } from '@resilient-llm/core';
import { withoutKeys } from '@resilient-llm/core/binding';
import { resilientModelOptionKeys } from '@resilient-llm/core/internal';
import type OpenAI from 'openai';
import type { OpenAIRequest } from './openai-request';
import type { OpenAIResponse, OpenAIStreamPart } from './openai-response';
import type { OpenAITarget } from './openai-target';

/** The pipeline behind a resilient OpenAI client. */
export type OpenAIModel = ResilientModel<
  OpenAITarget,
  OpenAIRequest,
  OpenAIResponse,
  OpenAIStreamPart
>;

/**
 * Options of `createResilientOpenAI`: the targets plus every option of `createResilientModel`
 * (`retry`, `circuitBreaker`, `rateLimit`, `bulkhead`, `attemptTimeoutMs`, `timeoutMs`,
 * `streamTimeouts`, `stages`, `clock`, `sharedState`, `telemetry`), with core's defaults.
 */
export interface ResilientOpenAIOptions
  extends Omit<
    ResilientModelOptions<OpenAITarget, OpenAIRequest, OpenAIResponse, OpenAIStreamPart>,
    'binding' | 'targets'
  > {
  /**
   * The fallback chain, tried in order: each an `OpenAI` client with optional model-name
   * mapping and id. Required, at least one. Defaults to none.
   */
  targets: readonly OpenAITarget[];
}

/** Every option of {@link ResilientOpenAIOptions}: any other key is refused. */
export const resilientOpenAIOptionKeys = withoutKeys(resilientModelOptionKeys, ['binding']);

/**
 * The `OpenAI` SDK's shape for the endpoints it serves, with the SDK's exact overloads and
 * return types (`APIPromise<ChatCompletion>`, `APIPromise<Stream<ChatCompletionChunk>>`, ...),
 * each call going through the pipeline and over the fallback chain.
 */
export interface ResilientOpenAI {
  readonly chat: {
    readonly completions: {
      /** `client.chat.completions.create`, streaming or not, through the pipeline. */
      readonly create: OpenAI['chat']['completions']['create'];
    };
  };
  readonly responses: {
    /** `client.responses.create`, streaming or not, through the pipeline. */
    readonly create: OpenAI['responses']['create'];
  };
  readonly embeddings: {
    /** `client.embeddings.create` through the pipeline. */
    readonly create: OpenAI['embeddings']['create'];
  };
  /** The pipeline itself: `generate`/`stream` with provenance, and its events. */
  readonly model: OpenAIModel;
  /** Subscribes to one type of pipeline event (`attempt-failure`, `fallback`, `call-success`, ...). */
  readonly on: OpenAIModel['on'];
}
