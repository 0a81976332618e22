import type {
  LanguageModelV4,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  SharedV4ProviderMetadata,
  SharedV4ProviderOptions,
} from '@ai-sdk/provider';
import type { ResilientModel } from '@resilient-llm/core';
import { surfaceError } from '../failure/surface-error';
import { withResilientMetadata } from '../metadata/resilient-metadata';
import { toLanguageModelStream } from '../stream/to-language-model-stream';
import type { ModelTarget } from '../target/model-target';
import { callOptionsOf } from './call-options-of';
import type { LanguageModelRequest } from './language-model-request';

/** A pipeline over AI SDK language models. */
export type LanguageModelPipeline = ResilientModel<
  ModelTarget<LanguageModelV4>,
  LanguageModelRequest,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart
>;

/** What `generateThroughPipeline` needs of a request: the AI SDK's call options. */
interface PipelineRequest {
  readonly params: { abortSignal?: AbortSignal; providerOptions?: SharedV4ProviderOptions };
}

/**
 * `doGenerate` (or `doEmbed`) through the pipeline with the call's per-call options
 * ({@link callOptionsOf}): the caller's `abortSignal` cancels the whole call, the answer gains
 * `providerMetadata.resilientLlm`, and errors leave as {@link surfaceError} says.
 */
export async function generateThroughPipeline<
  TTarget,
  TRequest extends PipelineRequest,
  TResponse extends { providerMetadata?: SharedV4ProviderMetadata },
>(
  pipeline: ResilientModel<TTarget, TRequest, TResponse, unknown>,
  request: TRequest,
): Promise<TResponse> {
  const { abortSignal } = request.params;
  try {
    const { response, targetId, targetIndex, attempts } = await pipeline.generate(
      request,
      callOptionsOf(request.params),
    );
    const metadata = { targetId, targetIndex, attempts };
    return {
      ...response,
      providerMetadata: withResilientMetadata(response.providerMetadata, metadata),
    };
  } catch (error) {
    throw surfaceError(error, abortSignal);
  }
}

/**
 * `doStream` through the pipeline: resolves at the commit point with the committed model's
 * stream (see `toLanguageModelStream`); failures before it leave as {@link surfaceError} says.
 */
export async function streamThroughPipeline(
  pipeline: LanguageModelPipeline,
  request: LanguageModelRequest,
): Promise<LanguageModelV4StreamResult> {
  const { abortSignal } = request.params;
  const surface = (error: unknown) => surfaceError(error, abortSignal);
  try {
    const { stream, targetId, targetIndex, attempts } = await pipeline.stream(
      request,
      callOptionsOf(request.params),
    );
    return await toLanguageModelStream(stream, { targetId, targetIndex, attempts }, surface);
  } catch (error) {
    throw surface(error);
  }
}
