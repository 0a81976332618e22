import { InvalidOptionError } from '@resilient-llm/core';
import { createManualClock, driveClock } from '@resilient-llm/simulator';
import { refusal, renderings } from '@resilient-llm/test-utils/refusal';
import OpenAI from 'openai';
import { APIPromise } from 'openai/core/api-promise';
import { afterEach, describe, expect, it } from 'vitest';
import { createResilientOpenAI } from '../src/index';
import { type Channel, startChannel } from './two-targets';

const secret = 'sk-test-SECRET-0123456789';
const question = { model: 'gpt-sim', messages: [{ role: 'user' as const, content: 'Hi' }] };

describe('createResilientOpenAI refuses bad input', () => {
  const client = new OpenAI({ baseURL: 'http://127.0.0.1:1/v1', apiKey: secret });

  it.each([
    ['undefined', undefined],
    ['null', null],
  ])('refuses %s options with InvalidOptionError, not a TypeError', (_, options) => {
    expect(refusal(() => createResilientOpenAI(options as never)).field).toBe('options');
  });

  it('never prints the API key of a plain object given as the client', () => {
    const error = refusal(() =>
      createResilientOpenAI({
        targets: [{ client: { apiKey: secret, baseURL: 'http://127.0.0.1:1/v1' } as never }],
      }),
    );

    expect(error.field).toBe('targets[0].client');
    expect(error.message).toBe(
      'Invalid option targets[0].client: an object with keys apiKey, baseURL must be an OpenAI client (new OpenAI({ baseURL, apiKey })).',
    );
    for (const text of renderings(error)) expect(text).not.toContain(secret);
  });

  it('never holds the client given where the targets belong', () => {
    const error = refusal(() => createResilientOpenAI({ targets: { client } as never }));

    expect(error).toMatchObject({ field: 'targets', value: 'an object with keys client' });
    for (const text of renderings(error)) expect(text).not.toContain(secret);
  });

  it.each([
    ['retry.maxAttemps', { retry: { maxAttemps: 1 } }, 'maxAttempts'],
    ['target', { target: [{ client }] }, 'targets'],
    ['binding', { binding: {} }, undefined],
    ['targets[0].model', { targets: [{ client, model: 'gpt-4o' }] }, 'models'],
    [
      'rateLimit.targets.gateway.rpm',
      { rateLimit: { targets: { gateway: { rpm: 1 } } } },
      undefined,
    ],
  ])('refuses the unknown key %s', (field, options, suggestion) => {
    const error = refusal(() =>
      createResilientOpenAI({ targets: [{ client, id: 'gateway' }], ...options } as never),
    );

    expect(error.field).toBe(field);
    if (suggestion) expect(error.reason).toContain(`did you mean \`${suggestion}\`?`);
  });

  it('refuses countedKinds that are not an array of failure kinds, not with a TypeError', () => {
    for (const countedKinds of [5, 'server']) {
      const error = refusal(() =>
        createResilientOpenAI({ targets: [{ client }], circuitBreaker: { countedKinds } as never }),
      );
      expect(error.field).toBe('circuitBreaker.countedKinds');
    }
  });
});

describe('a call with bad input', () => {
  const channels: Channel[] = [];
  afterEach(async () => {
    for (const channel of channels.splice(0)) await channel.simulator.close();
  });

  async function resilientOf(models?: (model: string) => string) {
    const clock = createManualClock(0);
    const first = await startChannel(clock, { scenario: 'steady' });
    const second = await startChannel(clock, { scenario: 'steady' });
    channels.push(first, second);
    const resilient = createResilientOpenAI({
      clock,
      targets: [
        { client: first.client, id: 'first', ...(models ? { models } : {}) },
        { client: second.client, id: 'second' },
      ],
    });
    const requests = () => first.simulator.stats().requests + second.simulator.stats().requests;
    return { clock, resilient, requests };
  }

  it('returns a rejected APIPromise for a null body, as the SDK shape promises, and sends nothing', async () => {
    const { clock, resilient, requests } = await resilientOf();

    let call: unknown;
    expect(() => {
      call = resilient.chat.completions.create(null as never);
    }).not.toThrow();
    expect(call).toBeInstanceOf(APIPromise);
    const error = await driveClock(clock, call as Promise<unknown>).catch((caught) => caught);

    expect(InvalidOptionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'body' });
    expect(requests()).toBe(0);
  });

  it('rejects a signal that is not an AbortSignal, arming no timer and sending nothing', async () => {
    const { clock, resilient, requests } = await resilientOf();

    const error = await resilient.chat.completions
      .create(question, { signal: 'x' as never })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ field: 'options.signal' });
    expect(clock.pendingTimers()).toBe(0);
    expect(requests()).toBe(0);
  });

  it('fails a call whose model mapping returns no name before anything is sent, without falling over', async () => {
    const { clock, resilient, requests } = await resilientOf(() => undefined as never);

    const error = await driveClock(clock, resilient.chat.completions.create(question)).catch(
      (caught: unknown) => caught,
    );

    expect(InvalidOptionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'targets[0].models', value: undefined });
    expect(requests()).toBe(0);
  });
});
