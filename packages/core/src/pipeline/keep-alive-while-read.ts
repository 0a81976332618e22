import type { Deadline } from '@resilient-llm/policies';
import type { CommittedStream } from '../contract/committed-stream';

/**
 * The stream as the caller gets it, with the call's deadline keeping the process alive only
 * while the caller awaits a part. A stream held but not read lets the process exit, as the
 * SDKs' own streams do; one being read is bounded by the deadline even when what it waits for
 * holds no handle (an in-process model that hangs).
 */
export function keepAliveWhileRead<TPart>(
  stream: CommittedStream<TPart>,
  deadline: Pick<Deadline, 'keepProcessAlive'>,
): CommittedStream<TPart> {
  deadline.keepProcessAlive(false);
  return {
    get usage() {
      return stream.usage;
    },
    settled: stream.settled,
    opened: stream.opened,
    cancel: (reason) => stream.cancel(reason),
    [Symbol.asyncIterator]() {
      const iterator = stream[Symbol.asyncIterator]();
      const awaited = async <T>(step: Promise<T>): Promise<T> => {
        deadline.keepProcessAlive(true);
        try {
          return await step;
        } finally {
          deadline.keepProcessAlive(false);
        }
      };
      return {
        next: () => awaited(iterator.next()),
        return: (value) =>
          iterator.return ? iterator.return(value) : Promise.resolve({ done: true, value }),
        throw: (error) => (iterator.throw ? iterator.throw(error) : Promise.reject(error)),
      };
    },
  };
}
