import type { CommittedStream } from '../stream/committed-stream';
import { toReadableStream } from '../stream/to-readable-stream';
import type { ResilientStream } from './resilient-model';

/** Presents a committed stream to callers: iteration, `toReadableStream()`, `cancel()`. */
export function toResilientStream<TPart>(stream: CommittedStream<TPart>): ResilientStream<TPart> {
  return {
    [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator](),
    toReadableStream: () => toReadableStream(stream),
    cancel: (reason) => stream.cancel(reason),
    settled: stream.settled,
    get usage() {
      return stream.usage;
    },
  };
}
