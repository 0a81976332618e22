import type { BindingStream } from './binding';
import type { Usage } from './observation';

/**
 * A stream past its commit point. Iterate it once: buffered preamble parts come first, each
 * exactly once, then the rest as they arrive. A failure from here on is thrown as
 * `StreamInterruptedError` carrying the parts delivered so far.
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part).
 */
export interface CommittedStream<TPart> extends AsyncIterable<TPart> {
  /** The latest token usage the stream reported (usually in its finish part). */
  readonly usage: Usage | undefined;
  /** Settles (never rejects) once the stream has finished, failed or been cancelled. */
  readonly settled: Promise<void>;
  /**
   * What the attempt opened, as the binding gave it in {@link BindingStream.opened} (the SDK's
   * response head, say); `undefined` when it gave nothing or a call-level stage answered.
   */
  readonly opened?: unknown;
  /** Stops the stream and closes the underlying connection. Idempotent. */
  cancel(reason?: unknown): void;
}
