import { getEventListeners } from 'node:events';
import { createManualClock, driveClock } from '@resilient-llm/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createResilientOpenAI } from '../src/index';
import { type Channel, startChannel } from './two-targets';

const question = {
  model: 'gpt-sim',
  messages: [{ role: 'user' as const, content: 'Stream me a story.' }],
  stream: true as const,
};

describe('streams the caller lets go of unread', () => {
  const channels: Channel[] = [];
  afterEach(async () => {
    for (const channel of channels.splice(0)) await channel.simulator.close();
  });

  it('leave no listener on the caller’s signal, whether aborted or cancelled', async () => {
    const clock = createManualClock(0);
    const channel = await startChannel(clock, {});
    channels.push(channel);
    const resilient = createResilientOpenAI({ clock, targets: [{ client: channel.client }] });
    const caller = new AbortController();

    for (let index = 0; index < 200; index++) {
      const stream = await driveClock(
        clock,
        resilient.chat.completions.create(question, { signal: caller.signal }),
      );
      if (index % 2 === 0) stream.controller.abort();
      else await stream.toReadableStream().cancel();
    }
    await driveClock(clock, Promise.resolve());

    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    expect(caller.signal.aborted).toBe(false);
  });
});
