import { InvalidOptionError } from '@resilient-llm/core';
import { createManualClock, driveClock, startSimulator } from '@resilient-llm/simulator';
import { createCapturingFetch } from '@resilient-llm/test-utils/capturing-fetch';
import { tenantStage } from '@resilient-llm/test-utils/tenant-stage';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createResilientOpenAI,
  type OpenAICallOptions,
  type OpenAIRequest,
  type OpenAIResponse,
  type OpenAIStreamPart,
  type OpenAITarget,
  withCallOptions,
} from '../src/index';

const messages = [{ role: 'user' as const, content: 'Hi' }];
// A key a stage declares: typed here without augmenting core's `CallOptions` for every test.
const tenantOptions: OpenAICallOptions & { tenant: string } = { tenant: 'acme-tenant' };

describe('per-call options through the OpenAI SDK', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function start() {
    const clock = createManualClock(0);
    const simulator = await startSimulator({ clock });
    closers.push(() => simulator.close());
    const capturing = createCapturingFetch();
    const client = new OpenAI({
      baseURL: simulator.baseURL,
      apiKey: 'sk-options',
      fetch: capturing.fetch,
    });
    const tenant = tenantStage<OpenAITarget, OpenAIRequest, OpenAIResponse, OpenAIStreamPart>();
    const resilient = createResilientOpenAI({
      clock,
      targets: [{ client, id: 'gateway' }],
      stages: [tenant.stage],
    });
    return { clock, simulator, resilient, sent: capturing.sent, seen: tenant.seen };
  }

  function expectNothingOfTheOptionsSent(sent: readonly { headers: object; body: string }[]) {
    for (const request of sent) {
      const wire = JSON.stringify(request.headers) + request.body;
      expect(wire).not.toContain('acme-tenant');
      expect(wire).not.toContain('tenant');
      expect(wire).not.toContain('resilient-llm');
    }
  }

  it('reach every stage of a chat completion, and never the server', async () => {
    const { clock, simulator, resilient, sent, seen } = await start();

    const completion = await driveClock(
      clock,
      resilient.chat.completions.create(
        { model: 'gpt-sim', messages },
        withCallOptions(tenantOptions, { headers: { 'x-trace': 'on' } }),
      ),
    );

    expect(completion.object).toBe('chat.completion');
    expect(seen).toEqual([
      { hook: 'wrapCall', tenant: 'acme-tenant' },
      { hook: 'wrapTarget', tenant: 'acme-tenant' },
    ]);
    expect(simulator.stats().requests).toBe(1);
    expect(sent).toHaveLength(1);
    // The caller's own request options still go out.
    expect(sent[0]!.headers['x-trace']).toBe('on');
    expect(JSON.parse(sent[0]!.body)).toEqual({ model: 'gpt-sim', messages });
    expectNothingOfTheOptionsSent(sent);
  });

  it('reach every stage of a stream and of an embeddings call', async () => {
    const { clock, simulator, resilient, sent, seen } = await start();

    const stream = await driveClock(
      clock,
      resilient.chat.completions.create(
        { model: 'gpt-sim', messages, stream: true },
        withCallOptions(tenantOptions),
      ),
    );
    for await (const _chunk of stream);
    await driveClock(
      clock,
      resilient.embeddings.create(
        { model: 'text-embedding-sim', input: 'Hi' },
        withCallOptions(tenantOptions),
      ),
    );

    expect(seen.map(({ tenant }) => tenant)).toEqual(Array(4).fill('acme-tenant'));
    expect(simulator.stats().requests).toBe(2);
    expectNothingOfTheOptionsSent(sent);
  });

  it.each([
    ['an undeclared key', { region: 'eu' }, 'region'],
    ['a bad value of a declared key', { tenant: '' }, 'tenant'],
    ['a bad timeoutMs', { timeoutMs: -1 }, 'timeoutMs'],
    ['a signal, which is the SDK option', { signal: new AbortController().signal }, 'signal'],
  ])('refuse %s before anything is sent', async (_case, callOptions, field) => {
    const { clock, simulator, resilient, seen } = await start();

    const error = await driveClock(
      clock,
      resilient.chat.completions.create(
        { model: 'gpt-sim', messages },
        withCallOptions(callOptions as OpenAICallOptions),
      ),
    ).catch((caught: unknown) => caught);

    expect(InvalidOptionError.isInstance(error)).toBe(true);
    expect((error as InvalidOptionError).field).toContain(field);
    expect(simulator.stats().requests).toBe(0);
    expect(seen).toEqual([]);
  });
});
