import type { CommittedStream } from '@resilient-llm/core';
import type { StreamPartRole } from '@resilient-llm/core/binding';
import type { RecordedUsage } from '../entry/cache-entry';

/** A stream that ended normally with its finish part: every part, in order, its usage and what it opened. */
export interface StreamRecording<TPart> {
  readonly parts: readonly TPart[];
  readonly usage: RecordedUsage | undefined;
  readonly opened: unknown;
}

/**
 * Wraps a committed stream so that the parts its reader pulls are also recorded. `onEnd`
 * gets the recording when the stream ended normally after a finish part, and `undefined` when
 * it failed, was cancelled or stopped early: such a stream is never stored.
 */
export function recordStream<TPart>(
  stream: CommittedStream<TPart>,
  partRole: (part: TPart) => StreamPartRole,
  onEnd: (recording: StreamRecording<TPart> | undefined) => void,
): CommittedStream<TPart> {
  const parts: TPart[] = [];
  let finished = false;
  let iterating = false;
  let reported = false;
  const report = (recording: StreamRecording<TPart> | undefined) => {
    if (reported) return;
    reported = true;
    onEnd(recording);
  };
  // A stream cancelled before or without being read still reports once it settles; one being
  // read reports from its own iteration, which knows whether it ended normally.
  void stream.settled.then(() => {
    if (!iterating) report(undefined);
  });
  return {
    get usage() {
      return stream.usage;
    },
    settled: stream.settled,
    opened: stream.opened,
    cancel: (reason) => {
      report(undefined);
      stream.cancel(reason);
    },
    async *[Symbol.asyncIterator]() {
      let completed = false;
      iterating = true;
      try {
        for await (const part of stream) {
          parts.push(part);
          if (partRole(part) === 'finish') finished = true;
          yield part;
        }
        completed = true;
      } finally {
        iterating = false;
        report(
          completed && finished ? { parts, usage: stream.usage, opened: stream.opened } : undefined,
        );
      }
    },
  };
}
