import type { PipelineEvent } from '@resilient-llm/core';
import { createManualClock, driveClock } from '@resilient-llm/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createResilientOpenAI, getProvenance } from '../src/index';
import { type Channel, startChannel } from './two-targets';

const question = { model: 'gpt-sim', messages: [{ role: 'user' as const, content: 'Hello?' }] };

describe('primary outage', () => {
  const channels: Channel[] = [];
  afterEach(async () => {
    for (const channel of channels.splice(0)) await channel.simulator.close();
  });

  it('answers from the second target and stops calling the primary until its half-open probe', async () => {
    const clock = createManualClock(0);
    // The first 30 s of the primary are an outage (503s and connection resets).
    const primary = await startChannel(clock, { scenario: 'outage' });
    const secondary = await startChannel(clock, { scenario: 'steady' });
    channels.push(primary, secondary);
    const events: PipelineEvent[] = [];
    const resilient = createResilientOpenAI({
      targets: [
        { client: primary.client, id: 'gateway' },
        { client: secondary.client, id: 'direct' },
      ],
      clock,
      telemetry: (event) => events.push(event),
      circuitBreaker: { strategy: { kind: 'consecutive', threshold: 3 }, halfOpenAfterMs: 20_000 },
    });
    const ask = () => driveClock(clock, resilient.chat.completions.create(question));
    const primaryRequests = () => primary.simulator.stats().requests;

    const first = await ask();
    expect(getProvenance(first)).toMatchObject({ targetId: 'direct', targetIndex: 1 });
    expect(events.some((event) => event.type === 'fallback' && event.targetId === 'gateway')).toBe(
      true,
    );
    // The breaker opened after three failures of the primary.
    expect(primaryRequests()).toBe(3);

    for (let call = 0; call < 5; call++) {
      const answer = await ask();
      expect(getProvenance(answer)).toMatchObject({ targetId: 'direct', attempts: 1 });
    }
    expect(primaryRequests()).toBe(3);

    // Past the outage and the breaker's half-open delay: one probe reaches the primary.
    clock.advance(31_000);
    const probed = await ask();
    expect(primaryRequests()).toBe(4);
    expect(getProvenance(probed)).toMatchObject({ targetId: 'gateway', targetIndex: 0 });
    const after = await ask();
    expect(getProvenance(after)?.targetId).toBe('gateway');
    expect(secondary.simulator.stats().requests).toBe(6);
  });

  it('gives up on a hanging target after the attempt timeout and answers from the next one', async () => {
    const clock = createManualClock(0);
    const hanging = await startChannel(clock, { defaultModel: { faults: [{ type: 'hang' }] } });
    const healthy = await startChannel(clock, {});
    channels.push(hanging, healthy);
    const resilient = createResilientOpenAI({
      clock,
      attemptTimeoutMs: 5_000,
      retry: { maxAttempts: 2 },
      targets: [
        { client: hanging.client, id: 'hanging' },
        { client: healthy.client, id: 'healthy' },
      ],
    });
    const answer = await driveClock(clock, resilient.chat.completions.create(question));
    expect(getProvenance(answer)).toMatchObject({ targetId: 'healthy', attempts: 3 });
    expect(hanging.simulator.stats().requests).toBe(2);
  });
});
