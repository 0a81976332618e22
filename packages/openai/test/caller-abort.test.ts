import { AbortedError } from '@resilient-llm/core';
import { createManualClock, yieldToIo } from '@resilient-llm/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createResilientOpenAI } from '../src/index';
import { type Channel, startChannel } from './two-targets';

const question = { model: 'gpt-sim', messages: [{ role: 'user' as const, content: 'Hello?' }] };

/** Settles `promise` using I/O only: the clock does not move. */
async function outcomeWithoutTime<T>(promise: Promise<T>) {
  let outcome: { value: T } | { error: unknown } | undefined;
  promise.then(
    (value) => {
      outcome = { value };
    },
    (error: unknown) => {
      outcome = { error };
    },
  );
  for (let round = 0; round < 50 && outcome === undefined; round++) await yieldToIo();
  return outcome;
}

describe('caller abort', () => {
  const channels: Channel[] = [];
  afterEach(async () => {
    for (const channel of channels.splice(0)) await channel.simulator.close();
  });

  it('rejects at once while a request hangs, and nothing more reaches the provider', async () => {
    const clock = createManualClock(0);
    const hanging = await startChannel(clock, { defaultModel: { faults: [{ type: 'hang' }] } });
    const backup = await startChannel(clock, {});
    channels.push(hanging, backup);
    const resilient = createResilientOpenAI({
      clock,
      targets: [{ client: hanging.client }, { client: backup.client }],
    });
    const controller = new AbortController();
    const call = resilient.chat.completions.create(question, { signal: controller.signal });
    await yieldToIo();
    expect(hanging.simulator.stats().requests).toBe(1);

    controller.abort(new Error('user left'));
    const outcome = await outcomeWithoutTime(call);
    expect(outcome && 'error' in outcome && AbortedError.isInstance(outcome.error)).toBe(true);

    clock.advance(120_000);
    await yieldToIo();
    expect(hanging.simulator.stats().requests).toBe(1);
    expect(backup.simulator.stats().requests).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('rejects at once while waiting out a 429, and never sends the retry', async () => {
    const clock = createManualClock(0);
    const limited = await startChannel(clock, {
      defaultModel: { faults: [{ type: 'rate-limit', retryAfterMs: 5_000 }] },
    });
    channels.push(limited);
    const resilient = createResilientOpenAI({ clock, targets: [{ client: limited.client }] });
    const controller = new AbortController();
    const call = resilient.chat.completions.create(question, { signal: controller.signal });
    const rateLimited = () => limited.simulator.stats().rateLimited;
    for (let round = 0; round < 50 && rateLimited() === 0; round++) await yieldToIo();
    await yieldToIo();
    // The first attempt got its 429 and the pipeline now waits the 5 s it asked for.
    expect(rateLimited()).toBe(1);
    expect(limited.simulator.stats().requests).toBe(1);

    controller.abort();
    const outcome = await outcomeWithoutTime(call);
    expect(outcome && 'error' in outcome && AbortedError.isInstance(outcome.error)).toBe(true);

    clock.advance(60_000);
    await yieldToIo();
    expect(limited.simulator.stats().requests).toBe(1);
  });

  it('stops a stream mid-way when the caller aborts, closing its connection', async () => {
    const clock = createManualClock(0);
    const slow = await startChannel(clock, { defaultModel: { latency: { tokensPerSecond: 5 } } });
    channels.push(slow);
    const resilient = createResilientOpenAI({ clock, targets: [{ client: slow.client }] });
    const controller = new AbortController();
    const stream = await resilient.chat.completions.create(
      { ...question, stream: true },
      { signal: controller.signal },
    );
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    controller.abort();
    const rest: unknown[] = [];
    const drained = await outcomeWithoutTime(
      (async () => {
        for (let result = await iterator.next(); !result.done; result = await iterator.next()) {
          rest.push(result.value);
        }
      })(),
    );
    // As with the SDK's streams, an aborted stream ends quietly, without its finish.
    expect(drained).toEqual({ value: undefined });
    expect(rest.length).toBeLessThanOrEqual(1);
    for (let round = 0; round < 50 && slow.simulator.stats().inFlight > 0; round++)
      await yieldToIo();
    expect(slow.simulator.stats().inFlight).toBe(0);
    expect(slow.simulator.stats().requests).toBe(1);
  });
});
