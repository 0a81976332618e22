import { StreamInterruptedError } from '@resilient-llm/core';
import { createManualClock, driveClock } from '@resilient-llm/simulator';
import type OpenAI from 'openai';
import { Stream } from 'openai/core/streaming';
import { afterEach, describe, expect, it } from 'vitest';
import { createResilientOpenAI, getProvenance } from '../src/index';
import { type Channel, startChannel } from './two-targets';

type Chunk = OpenAI.Chat.ChatCompletionChunk;

const question = {
  model: 'gpt-sim',
  messages: [{ role: 'user' as const, content: 'Stream me a story.' }],
  stream: true as const,
};

function textOf(chunks: readonly Chunk[]): string {
  return chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
}

async function collect(stream: AsyncIterable<Chunk>): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('streams', () => {
  const channels: Channel[] = [];
  afterEach(async () => {
    for (const channel of channels.splice(0)) await channel.simulator.close();
  });

  it('replaces streams failing before their first token without the caller noticing', async () => {
    const clock = createManualClock(0);
    const dropping = await startChannel(clock, {
      defaultModel: { faults: [{ type: 'drop', afterTokens: 0 }] },
    });
    const malformed = await startChannel(
      clock,
      { defaultModel: { faults: [{ type: 'malformed-chunk', afterTokens: 0 }] } },
      // The SDK logs every malformed event; the test expects them.
      { logLevel: 'off' },
    );
    const healthy = await startChannel(clock, {});
    channels.push(dropping, malformed, healthy);
    const resilient = createResilientOpenAI({
      clock,
      retry: { maxAttempts: 2 },
      targets: [
        { client: dropping.client, id: 'dropping' },
        { client: malformed.client, id: 'malformed' },
        { client: healthy.client, id: 'healthy' },
      ],
    });

    const { data: stream, response } = await driveClock(
      clock,
      resilient.chat.completions.create(question).withResponse(),
    );
    expect(stream).toBeInstanceOf(Stream);
    expect(getProvenance(stream)).toMatchObject({ targetId: 'healthy', attempts: 5 });
    // The HTTP response behind the stream is the one of the attempt that answered.
    expect(response.url.startsWith(healthy.simulator.baseURL)).toBe(true);
    const chunks = await collect(stream);
    const expected = await healthy.client.chat.completions.create({ ...question, stream: false });
    // One opening chunk, the whole answer once, the finish: nothing of the failed attempts.
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.role === 'assistant')).toHaveLength(1);
    expect(textOf(chunks)).toBe(expected.choices[0]?.message.content);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(dropping.simulator.stats().requests).toBe(2);
    expect(malformed.simulator.stats().requests).toBe(2);
  });

  it('ends a stream failing after its first token in StreamInterruptedError with the partial text', async () => {
    const clock = createManualClock(0);
    const dropping = await startChannel(clock, {
      defaultModel: { faults: [{ type: 'drop', afterTokens: 3 }] },
    });
    const healthy = await startChannel(clock, {});
    channels.push(dropping, healthy);
    const resilient = createResilientOpenAI({
      clock,
      targets: [
        { client: dropping.client, id: 'dropping' },
        { client: healthy.client, id: 'healthy' },
      ],
    });

    const stream = await driveClock(clock, resilient.chat.completions.create(question));
    const received: Chunk[] = [];
    const error = await (async () => {
      for await (const chunk of stream) received.push(chunk);
    })().catch((caught: unknown) => caught);

    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    const interrupted = error as StreamInterruptedError<Chunk>;
    expect(interrupted.targetId).toBe('dropping');
    expect(interrupted.failure.kind).toBe('network');
    expect(textOf(interrupted.partialParts)).toBe(textOf(received));
    expect(textOf(received).trim().split(/\s+/)).toHaveLength(3);
    // Content had reached the caller: nothing was retried or sent elsewhere.
    expect(dropping.simulator.stats().requests).toBe(1);
    expect(healthy.simulator.stats().requests).toBe(0);
  });

  it('gives up on a stream whose first token is too slow and answers from the next target', async () => {
    const clock = createManualClock(0);
    const slow = await startChannel(clock, {
      defaultModel: { faults: [{ type: 'slow-first-token', medianMs: 20_000, p99Ms: 20_000 }] },
    });
    const healthy = await startChannel(clock, {});
    channels.push(slow, healthy);
    const resilient = createResilientOpenAI({
      clock,
      retry: { maxAttempts: 1 },
      streamTimeouts: { firstContentTimeoutMs: 5_000 },
      targets: [
        { client: slow.client, id: 'slow' },
        { client: healthy.client, id: 'healthy' },
      ],
    });
    const stream = await driveClock(clock, resilient.chat.completions.create(question));
    expect(getProvenance(stream)).toMatchObject({ targetId: 'healthy', attempts: 2 });
    expect(clock.now()).toBeGreaterThanOrEqual(5_000);
    expect(clock.now()).toBeLessThan(20_000);
    expect(textOf(await collect(stream))).toBeTruthy();
    // The stalled attempt's connection was closed.
    await driveClock(
      clock,
      waitFor(() => slow.simulator.stats().inFlight === 0),
    );
  });

  it('offers toReadableStream() and stops the connection on controller.abort()', async () => {
    const clock = createManualClock(0);
    const slow = await startChannel(clock, { defaultModel: { latency: { tokensPerSecond: 10 } } });
    channels.push(slow);
    const resilient = createResilientOpenAI({ clock, targets: [{ client: slow.client }] });

    const readable = (
      await driveClock(clock, resilient.chat.completions.create(question))
    ).toReadableStream();
    const lines = await driveClock(clock, new Response(readable).text());
    const chunks = lines
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Chunk);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');

    const stream = await driveClock(clock, resilient.chat.completions.create(question));
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    stream.controller.abort();
    const rest = await driveClock(clock, collect({ [Symbol.asyncIterator]: () => iterator }));
    expect(rest.some((chunk) => chunk.choices[0]?.finish_reason)).toBe(false);
    await driveClock(
      clock,
      waitFor(() => slow.simulator.stats().inFlight === 0),
    );
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let round = 0; round < 1000 && !condition(); round++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(condition()).toBe(true);
}
