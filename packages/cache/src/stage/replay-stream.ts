import type { CommittedStream } from '@resilient-llm/core';
import type { RecordedUsage } from '../entry/cache-entry';

/**
 * A recorded stream played back: the same parts in the same order, iterable once, with the
 * recorded usage and what the recorded stream opened. `settled` resolves when it has been read to the end or cancelled.
 */
export function replayStream<TPart>(
  parts: readonly TPart[],
  usage: RecordedUsage | undefined,
  opened?: unknown,
): CommittedStream<TPart> {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  let cancelled = false;
  let started = false;
  return {
    usage,
    settled,
    opened,
    cancel() {
      cancelled = true;
      settle();
    },
    async *[Symbol.asyncIterator]() {
      if (started) throw new TypeError('A cached stream can be iterated only once.');
      started = true;
      try {
        for (const part of parts) {
          if (cancelled) return;
          yield part;
        }
      } finally {
        settle();
      }
    },
  };
}
