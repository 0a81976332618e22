import type { CommittedStream } from '../contract/committed-stream';
import type { ResilientStream } from '../contract/resilient-model';
import { toReadableStream } from '../stream/to-readable-stream';

/** Presents a committed stream to callers: iteration, `toReadableStream()`, `cancel()`. */
export function toResilientStream<TPart>(stream: CommittedStream<TPart>): ResilientStream<TPart> {
  return {
    [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator](),
    toReadableStream: () => toReadableStream(stream),
    cancel: (reason) => stream.cancel(reason),
    settled: stream.settled,
    opened: stream.opened,
    get usage() {
      return stream.usage;
    },
  };
}
