import { ResilientError } from '@resilient-llm/policies';
import type { Failure } from '../contract/failure';
import type { Usage } from '../contract/observation';

const marker = 'resilient-llm.error.stream-interrupted';
const symbol = Symbol.for(marker);

/**
 * A stream failed after its commit point: content had already reached the caller, so the
 * pipeline cannot retry or fall over invisibly. `partialParts` holds every part delivered.
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part); `unknown` (the default) where the model is not known, as in a `catch`.
 */
export class StreamInterruptedError<TPart = unknown> extends ResilientError {
  private readonly [symbol] = true;
  /** Every part the caller received before the failure, preamble included. */
  readonly partialParts: readonly TPart[];
  /** Usage reported before the failure, if any. */
  readonly usage: Usage | undefined;
  /** The target that was streaming. */
  readonly targetId: string;
  /** The failure, classified. */
  readonly failure: Failure;

  constructor({
    partialParts,
    usage,
    targetId,
    failure,
  }: { partialParts: readonly TPart[]; usage?: Usage; targetId: string; failure: Failure }) {
    super({
      name: 'StreamInterruptedError',
      message: `The stream from ${targetId} was interrupted after ${partialParts.length} parts (${failure.kind}: ${failure.message}).`,
      cause: failure.cause,
    });
    this.partialParts = partialParts;
    this.usage = usage;
    this.targetId = targetId;
    this.failure = failure;
  }

  static override isInstance(error: unknown): error is StreamInterruptedError {
    return ResilientError.hasMarker(error, marker);
  }
}
