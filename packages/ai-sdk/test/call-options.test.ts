import { createOpenAI } from '@ai-sdk/openai';
import type { SharedV4ProviderOptions } from '@ai-sdk/provider';
import { InvalidOptionError } from '@resilient-llm/core';
import { driveClock } from '@resilient-llm/simulator';
import { createCapturingFetch, type SentRequest } from '@resilient-llm/test-utils/capturing-fetch';
import { tenantStage } from '@resilient-llm/test-utils/tenant-stage';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { embed, generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import {
  createResilientEmbeddingModel,
  createResilientModel,
  type LanguageModelStage,
} from '../src/index';
import { openAiApis } from './simulated-openai';

const tenantOptions = { resilientLlm: { tenant: 'acme-tenant' } };

function expectNothingOfTheOptionsSent(sent: readonly SentRequest[]) {
  expect(sent.length).toBeGreaterThan(0);
  for (const request of sent) {
    const wire = JSON.stringify(request.headers) + request.body;
    expect(wire).not.toContain('acme-tenant');
    expect(wire).not.toContain('tenant');
    expect(wire).not.toContain('resilientLlm');
  }
}

describe.each(openAiApis)('per-call options through the AI SDK, $api API', ({ api }) => {
  const start = useSimulator();

  async function setUp() {
    const { simulator, clock } = await start({ gpt: {} });
    const capturing = createCapturingFetch();
    const openai = createOpenAI({
      baseURL: simulator.baseURL,
      apiKey: 'sk-options',
      fetch: capturing.fetch,
    });
    const tenant = tenantStage();
    const model = createResilientModel({
      models: [api === 'chat completions' ? openai.chat('gpt') : openai('gpt')],
      stages: [tenant.stage as LanguageModelStage],
      clock,
    });
    return { simulator, clock, model, sent: capturing.sent, seen: tenant.seen };
  }

  it('reach every stage of generateText from providerOptions.resilientLlm, and never the server', async () => {
    const { simulator, clock, model, sent, seen } = await setUp();

    const result = await driveClock(
      clock,
      generateText({ model, prompt: 'Hi', providerOptions: tenantOptions }),
    );

    expect(result.text.length).toBeGreaterThan(0);
    expect(seen).toEqual([
      { hook: 'wrapCall', tenant: 'acme-tenant' },
      { hook: 'wrapTarget', tenant: 'acme-tenant' },
    ]);
    expect(simulator.stats().requests).toBe(1);
    expectNothingOfTheOptionsSent(sent);
  });

  it('reach every stage of streamText, and never the server', async () => {
    const { simulator, clock, model, sent, seen } = await setUp();

    const result = streamText({ model, prompt: 'Hi', providerOptions: tenantOptions });
    const text = await driveClock(clock, Promise.resolve(result.text));

    expect(text.length).toBeGreaterThan(0);
    expect(seen.map(({ tenant }) => tenant)).toEqual(['acme-tenant', 'acme-tenant']);
    expect(simulator.stats().requests).toBe(1);
    expectNothingOfTheOptionsSent(sent);
  });

  it.each([
    ['an undeclared key', { resilientLlm: { region: 'eu' } }, 'region'],
    ['a bad value of a declared key', { resilientLlm: { tenant: '' } }, 'tenant'],
    ['a namespace that is no object', { resilientLlm: 'acme' }, 'providerOptions.resilientLlm'],
  ])('refuse %s before anything is sent', async (_case, providerOptions, field) => {
    const { simulator, clock, model, seen } = await setUp();
    const refused = (promise: Promise<unknown>) =>
      driveClock(clock, promise).catch((caught: unknown) => caught);

    const generateError = await refused(
      generateText({
        model,
        prompt: 'Hi',
        providerOptions: providerOptions as SharedV4ProviderOptions,
        maxRetries: 0,
      }),
    );
    let streamError: unknown;
    const stream = streamText({
      model,
      prompt: 'Hi',
      providerOptions: providerOptions as SharedV4ProviderOptions,
      onError: ({ error }) => {
        streamError = error;
      },
    });
    await refused(Promise.resolve(stream.consumeStream()));

    for (const error of [generateError, streamError]) {
      expect(InvalidOptionError.isInstance(error)).toBe(true);
      expect((error as InvalidOptionError).field).toBe(field);
    }
    expect(simulator.stats().requests).toBe(0);
    expect(seen).toEqual([]);
  });

  it('refuse cache on a model without stages, where nothing reads it', async () => {
    const { simulator, clock } = await start({ gpt: {} });
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-options' });
    const model = createResilientModel({
      models: [api === 'chat completions' ? openai.chat('gpt') : openai('gpt')],
      clock,
    });

    const error = await driveClock(
      clock,
      generateText({
        model,
        prompt: 'Hi',
        providerOptions: { resilientLlm: { cache: { skip: true } } },
        maxRetries: 0,
      }),
    ).catch((caught: unknown) => caught);

    expect(InvalidOptionError.isInstance(error)).toBe(true);
    expect((error as InvalidOptionError).field).toBe('cache');
    expect(simulator.stats().requests).toBe(0);
  });
});

describe('per-call options through an AI SDK embedding model', () => {
  const start = useSimulator();

  it('reach every stage of embed, never the server; an undeclared key is refused', async () => {
    const { simulator, clock } = await start({ embed: {} });
    const capturing = createCapturingFetch();
    const openai = createOpenAI({
      baseURL: simulator.baseURL,
      apiKey: 'sk-options',
      fetch: capturing.fetch,
    });
    const tenant = tenantStage();
    const model = createResilientEmbeddingModel({
      models: [openai.embedding('embed')],
      stages: [tenant.stage as never],
      clock,
    });

    await driveClock(clock, embed({ model, value: 'Hi', providerOptions: tenantOptions }));
    const refused = await driveClock(
      clock,
      embed({ model, value: 'Hi', providerOptions: { resilientLlm: { region: 'eu' } } }),
    ).catch((caught: unknown) => caught);

    expect(tenant.seen.map(({ tenant }) => tenant)).toEqual(['acme-tenant', 'acme-tenant']);
    expect(InvalidOptionError.isInstance(refused)).toBe(true);
    expect(simulator.stats().requests).toBe(1);
    expectNothingOfTheOptionsSent(capturing.sent);
  });
});
