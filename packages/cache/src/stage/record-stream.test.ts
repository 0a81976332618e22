import type { CommittedStream } from '@resilient-llm/core';
import type { StreamPartRole } from '@resilient-llm/core/binding';
import { describe, expect, it } from 'vitest';
import { recordStream, type StreamRecording } from './record-stream';
import { replayStream } from './replay-stream';

type Part = { role: StreamPartRole; text?: string };

/** A committed stream over `parts`, settling when read to the end or cancelled. */
function committed(parts: Part[], failAt?: number): CommittedStream<Part> & { cancelled: boolean } {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const stream = {
    usage: { outputTokens: 3 },
    settled,
    cancelled: false,
    cancel() {
      stream.cancelled = true;
      settle();
    },
    async *[Symbol.asyncIterator]() {
      try {
        for (const [index, part] of parts.entries()) {
          if (index === failAt) throw new Error('interrupted');
          yield part;
        }
      } finally {
        settle();
      }
    },
  };
  return stream;
}

const parts: Part[] = [
  { role: 'content', text: 'a' },
  { role: 'content', text: 'b' },
  { role: 'finish' },
];

function record(stream: CommittedStream<Part>) {
  const ends: Array<StreamRecording<Part> | undefined> = [];
  const recorded = recordStream(
    stream,
    (part) => part.role,
    (recording) => ends.push(recording),
  );
  return { recorded, ends };
}

describe('recordStream', () => {
  it('hands over every part and the usage once the stream ended with its finish part', async () => {
    const { recorded, ends } = record(committed(parts));
    const read: Part[] = [];
    for await (const part of recorded) read.push(part);
    expect(read).toEqual(parts);
    expect(ends).toEqual([{ parts, usage: { outputTokens: 3 } }]);
  });

  it('hands over nothing for a stream without finish, failed, stopped early, or cancelled unread', async () => {
    const withoutFinish = record(committed(parts.slice(0, 2)));
    for await (const _ of withoutFinish.recorded);
    const failed = record(committed(parts, 1));
    await (async () => {
      for await (const _ of failed.recorded);
    })().catch(() => {});
    const stopped = record(committed(parts));
    for await (const _ of stopped.recorded) break;
    const source = committed(parts);
    const unread = record(source);
    unread.recorded.cancel();
    await source.settled;

    for (const { ends } of [withoutFinish, failed, stopped, unread])
      expect(ends).toEqual([undefined]);
    expect(source.cancelled).toBe(true);
  });
});

describe('replayStream', () => {
  it('plays the parts once with the recorded usage, and settles', async () => {
    const replay = replayStream(parts, { outputTokens: 3 });
    const read: Part[] = [];
    for await (const part of replay) read.push(part);
    await replay.settled;
    expect(read).toEqual(parts);
    expect(replay.usage).toEqual({ outputTokens: 3 });
    await expect(
      (async () => {
        for await (const _ of replay);
      })(),
    ).rejects.toThrow(TypeError);
  });

  it('stops at cancel', async () => {
    const replay = replayStream(parts, undefined);
    const read: Part[] = [];
    for await (const part of replay) {
      read.push(part);
      replay.cancel();
    }
    await replay.settled;
    expect(read).toEqual([parts[0]]);
  });
});
