import { InvalidOptionError, type PipelineEvent } from '@resilient-llm/core';
import { createManualClock, driveClock, startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { Stream } from 'openai/core/streaming';
import { afterEach, describe, expect, it } from 'vitest';
import { createResilientOpenAI, getProvenance } from '../src/index';

describe('the SDK shape over HTTP', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function start(config: Parameters<typeof startSimulator>[0] = {}) {
    const clock = createManualClock(0);
    const simulator = await startSimulator({ ...config, clock });
    closers.push(() => simulator.close());
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-shape' });
    return { clock, simulator, client };
  }

  it('serves chat completions with the answering response behind withResponse()', async () => {
    const { clock, client } = await start();
    const resilient = createResilientOpenAI({ clock, targets: [{ client, id: 'gateway' }] });
    const { data, response, request_id } = await driveClock(
      clock,
      resilient.chat.completions
        .create({ model: 'gpt-sim', messages: [{ role: 'user', content: 'Hi' }] })
        .withResponse(),
    );
    expect(data.object).toBe('chat.completion');
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('1000000');
    expect(request_id).toBe(response.headers.get('x-request-id'));
    expect(getProvenance(data)).toEqual({
      targetId: 'gateway',
      targetIndex: 0,
      attempts: 1,
      model: 'gpt-sim',
    });
  });

  it('serves the Responses API, streaming and not, and embeddings', async () => {
    const { clock, client } = await start();
    const resilient = createResilientOpenAI({
      clock,
      targets: [{ client, models: { 'vendor/gpt-sim': 'gpt-sim' } }],
    });
    const response = await driveClock(
      clock,
      resilient.responses.create({ model: 'vendor/gpt-sim', input: 'Hi' }),
    );
    expect(response.output_text).toBeTruthy();
    expect(getProvenance(response)?.model).toBe('gpt-sim');

    const events = await driveClock(
      clock,
      resilient.responses.create({ model: 'vendor/gpt-sim', input: 'Hi', stream: true }),
    );
    expect(events).toBeInstanceOf(Stream);
    const types: string[] = [];
    let text = '';
    for await (const event of events) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    expect(text).toBe(response.output_text);

    const embeddings = await driveClock(
      clock,
      resilient.embeddings.create({ model: 'vendor/gpt-sim', input: ['a', 'b'] }),
    );
    expect(embeddings.data).toHaveLength(2);
    expect(embeddings.data[0]?.embedding.length).toBeGreaterThan(0);
  });

  it("switches the SDK's own retries off: the pipeline is the one retry owner", async () => {
    const { clock, simulator } = await start({
      defaultModel: { faults: [{ type: 'server-error', status: 503 }] },
    });
    // A client configured to retry five times on its own.
    const client = new OpenAI({
      baseURL: simulator.baseURL,
      apiKey: 'sk-shape',
      maxRetries: 5,
    });
    const events: PipelineEvent[] = [];
    const resilient = createResilientOpenAI({
      clock,
      targets: [{ client }],
      retry: { maxAttempts: 2 },
      telemetry: (event) => events.push(event),
    });
    const call = resilient.chat.completions.create(
      { model: 'gpt-sim', messages: [{ role: 'user', content: 'Hi' }] },
      { maxRetries: 3 },
    );
    await expect(driveClock(clock, call)).rejects.toThrow();
    expect(simulator.stats().requests).toBe(2);
    const failures = events.filter((event) => event.type === 'attempt-failure');
    expect(failures.map((event) => event.failure.kind)).toEqual(['overloaded', 'overloaded']);
  });

  it('reports on() events with the answering target', async () => {
    const { clock, client } = await start();
    const resilient = createResilientOpenAI({ clock, targets: [{ client, id: 'only' }] });
    const successes: string[] = [];
    const subscription = resilient.on('call-success', (event) => successes.push(event.targetId));
    await driveClock(
      clock,
      resilient.chat.completions.create({
        model: 'gpt-sim',
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    );
    subscription.dispose();
    expect(successes).toEqual(['only']);
  });

  it('validates targets at construction, naming the field', () => {
    const client = new OpenAI({ baseURL: 'http://127.0.0.1:1/v1', apiKey: 'sk' });
    const attempt = (targets: unknown) => {
      try {
        createResilientOpenAI({ targets: targets as [] });
      } catch (error) {
        return InvalidOptionError.isInstance(error) ? error.field : 'other error';
      }
      return 'no error';
    };
    expect(attempt([])).toBe('targets');
    expect(attempt([{ client: {} }])).toBe('targets[0].client');
    expect(attempt([{ client, models: 3 }])).toBe('targets[0].models');
    expect(attempt([{ client, models: { a: '' } }])).toBe('targets[0].models.a');
    expect(attempt([{ client, id: '' }])).toBe('targets[0].id');
    expect(
      attempt([
        { client, id: 'x' },
        { client, id: 'x' },
      ]),
    ).toBe('targets[1].id');
    expect(attempt([{ client }, { client }])).toBe('no error');
  });
});
