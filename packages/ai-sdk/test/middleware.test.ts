import { createOpenAI } from '@ai-sdk/openai';
import { AllTargetsFailedError, InvalidOptionError } from '@resilient-llm/core';
import { driveClock } from '@resilient-llm/simulator';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import {
  createProviderRegistry,
  generateText,
  streamText,
  wrapLanguageModel,
  wrapProvider,
} from 'ai';
import { describe, expect, it } from 'vitest';
import { createResilientMiddleware } from '../src/index';
import { requestsTo } from './simulated-openai';

const noJitter = { jitter: 'none', initialDelayMs: 100 } as const;

describe('the resilient middleware', () => {
  const start = useSimulator();

  it('retries one model through wrapLanguageModel, honouring Retry-After, without SDK retries', async () => {
    const { simulator, clock } = await start({
      stormy: {
        faults: [
          { type: 'rate-limit', retryAfterMs: 1_000, windows: [{ startMs: 0, endMs: 1_500 }] },
        ],
      },
    });
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test' });
    const model = wrapLanguageModel({
      model: openai.chat('stormy'),
      middleware: createResilientMiddleware({ retry: noJitter, clock }),
    });

    const result = await driveClock(clock, generateText({ model, prompt: 'Hello' }));

    expect(result.text.length).toBeGreaterThan(0);
    expect(result.providerMetadata?.resilientLlm).toEqual({
      targetId: 'openai.chat:stormy',
      targetIndex: 0,
      attempts: 3,
    });
    expect(simulator.stats().byModel.stormy?.byStatus).toEqual({ '200': 1, '429': 2 });
    expect(clock.now()).toBeGreaterThanOrEqual(2_000);
  });

  it('guards every model of a provider through wrapProvider, streams included', async () => {
    const { simulator, clock } = await start({
      flaky: {
        faults: [{ type: 'server-error', status: 502, windows: [{ startMs: 0, endMs: 50 }] }],
      },
    });
    const provider = wrapProvider({
      provider: createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test' }),
      languageModelMiddleware: createResilientMiddleware({ retry: noJitter, clock }),
    });

    const result = streamText({ model: provider.languageModel('flaky'), prompt: 'Hello' });
    const text = await driveClock(clock, Promise.resolve(result.text));

    expect(text.length).toBeGreaterThan(0);
    expect((await result.providerMetadata)?.resilientLlm).toMatchObject({ attempts: 2 });
    expect(simulator.stats().byModel.flaky?.byStatus).toEqual({ '200': 1, '502': 1 });
  });

  it('keeps one breaker per model across the fresh wrappers a registry hands out', async () => {
    const { simulator, clock } = await start({
      down: { faults: [{ type: 'server-error', status: 503 }] },
    });
    const registry = createProviderRegistry(
      { sim: createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test' }) },
      {
        languageModelMiddleware: createResilientMiddleware({
          retry: false,
          circuitBreaker: { strategy: { kind: 'consecutive', threshold: 2 } },
          clock,
        }),
      },
    );

    for (let call = 0; call < 4; call++) {
      const error = await driveClock(
        clock,
        generateText({ model: registry.languageModel('sim:down'), prompt: 'Hello' }),
      ).catch((caught: unknown) => caught);
      expect(AllTargetsFailedError.isInstance(error)).toBe(true);
    }

    // Two failures opened the breaker; the next calls never reached the provider.
    expect(requestsTo(simulator, 'down')).toBe(2);
  });

  it('validates its options at construction, per-target overrides included', () => {
    const fieldOf = (build: () => unknown) => {
      try {
        build();
      } catch (error) {
        return InvalidOptionError.isInstance(error) ? error.field : 'another error';
      }
      return 'no error';
    };
    expect(fieldOf(() => createResilientMiddleware({ retry: { maxAttempts: 0 } }))).toBe(
      'retry.maxAttempts',
    );
    expect(
      fieldOf(() =>
        createResilientMiddleware({
          circuitBreaker: { targets: { 'openai.chat:gpt': { halfOpenAfterMs: -5 } } },
        }),
      ),
    ).toBe('circuitBreaker.targets.openai.chat:gpt.halfOpenAfterMs');
  });
});
