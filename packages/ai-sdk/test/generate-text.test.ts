import { AllTargetsFailedError } from '@resilient-llm/core';
import { driveClock, waitForCondition } from '@resilient-llm/simulator';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createResilientModel } from '../src/index';
import { openAiApis, requestsTo, simulatedModels } from './simulated-openai';

const noJitter = { jitter: 'none', initialDelayMs: 100 } as const;

describe.each(openAiApis)('generateText over the $api API', ({ api, provider }) => {
  const start = useSimulator();

  it('waits as long as a 429 storm asks, on the same model, without the SDK retrying too', async () => {
    const { simulator, clock } = await start({
      primary: {
        faults: [
          { type: 'rate-limit', retryAfterMs: 1_000, windows: [{ startMs: 0, endMs: 1_500 }] },
        ],
      },
      backup: {},
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('primary'), model('backup')],
      retry: noJitter,
      clock,
    });

    // The SDK's default maxRetries (2) stays in place: it must never see a retryable error.
    const result = await driveClock(clock, generateText({ model: resilient, prompt: 'Hello' }));

    expect(result.text.length).toBeGreaterThan(0);
    expect(result.providerMetadata?.resilientLlm).toEqual({
      targetId: `${provider}:primary`,
      targetIndex: 0,
      attempts: 3,
    });
    expect(simulator.stats().byModel.primary?.byStatus).toEqual({ '200': 1, '429': 2 });
    expect(requestsTo(simulator, 'backup')).toBe(0);
    // Two waits of at least the server's 1 s on the shared clock.
    expect(clock.now()).toBeGreaterThanOrEqual(2_000);
  });

  it('rides out a congested shared pool: waits for each reset, moves the rest over', async () => {
    const { simulator, clock } = await start({
      pooled: { sharedPool: { requestsPerWindow: 5, windowMs: 10_000 } },
      backup: {},
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('pooled'), model('backup')],
      retry: noJitter,
      rateLimit: { maxWaitMs: 15_000 },
      clock,
    });

    const calls = Array.from({ length: 20 }, (_, index) =>
      generateText({ model: resilient, prompt: `Question ${index}` }),
    );
    const results = await driveClock(clock, Promise.all(calls), { stepMs: 250 });

    const answeredBy = results.map((result) => result.providerMetadata?.resilientLlm?.targetId);
    expect(answeredBy.filter((id) => id === `${provider}:pooled`)).toHaveLength(15);
    expect(answeredBy.filter((id) => id === `${provider}:backup`)).toHaveLength(5);
    // The pool's limit hides behind per-key headers that show plenty left, so the limiter
    // cannot pace ahead of it: 15 of 20 meet a 429, wait for the reset, 5 get through per
    // window, and the 5 still refused after 3 calls each move to the backup. Nothing more:
    // generateText retried none of it.
    expect(simulator.stats().byModel.pooled?.byStatus).toEqual({ '200': 15, '429': 30 });
    expect(simulator.stats().byModel.backup?.byStatus).toEqual({ '200': 5 });
    expect(clock.now()).toBeGreaterThanOrEqual(20_000);
  });

  it('falls over to the next model when the storm outlasts the retries', async () => {
    const { simulator, clock } = await start({
      primary: { faults: [{ type: 'rate-limit', retryAfterMs: 1_000 }] },
      backup: {},
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('primary'), model('backup')],
      retry: noJitter,
      clock,
    });

    const result = await driveClock(clock, generateText({ model: resilient, prompt: 'Hello' }));

    expect(result.providerMetadata?.resilientLlm).toEqual({
      targetId: `${provider}:backup`,
      targetIndex: 1,
      attempts: 4,
    });
    expect(requestsTo(simulator, 'primary')).toBe(3);
    expect(requestsTo(simulator, 'backup')).toBe(1);
  });

  it('falls over at once when the server asks for a longer wait than allowed', async () => {
    const { simulator, clock } = await start({
      primary: { faults: [{ type: 'rate-limit', retryAfterMs: 120_000 }] },
      backup: {},
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('primary'), model('backup')],
      retry: { ...noJitter, maxServerDelayMs: 10_000 },
      clock,
    });

    const result = await driveClock(clock, generateText({ model: resilient, prompt: 'Hello' }));

    expect(result.providerMetadata?.resilientLlm).toMatchObject({ targetIndex: 1, attempts: 2 });
    expect(requestsTo(simulator, 'primary')).toBe(1);
    expect(clock.now()).toBeLessThan(10_000);
  });

  it('survives an outage of the primary (connection resets and 503s) on the backup', async () => {
    const { simulator, clock } = await start({
      primary: {
        faults: [
          { type: 'connection-reset', probability: 0.5 },
          { type: 'server-error', status: 503 },
        ],
      },
      backup: {},
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('primary'), model('backup')],
      retry: noJitter,
      clock,
    });

    for (let call = 0; call < 3; call++) {
      const result = await driveClock(
        clock,
        generateText({ model: resilient, prompt: `Hi ${call}` }),
      );
      expect(result.providerMetadata?.resilientLlm).toMatchObject({
        targetId: `${provider}:backup`,
      });
    }
    expect(requestsTo(simulator, 'backup')).toBe(3);
  });

  it.each([
    ['a spent quota', { faults: [{ type: 'insufficient-quota' as const }] }],
    ['a prompt beyond the context window', { contextWindow: 5 }],
  ])('moves on at once, without retrying, from %s', async (_, primary) => {
    const { simulator, clock } = await start({ primary, backup: {} });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('primary'), model('backup')],
      retry: noJitter,
      clock,
    });

    const result = await driveClock(
      clock,
      generateText({ model: resilient, prompt: 'A prompt longer than five tokens, surely.' }),
    );

    expect(result.providerMetadata?.resilientLlm).toMatchObject({ targetIndex: 1, attempts: 2 });
    expect(requestsTo(simulator, 'primary')).toBe(1);
  });

  it('never multiplies attempts: the SDK does not retry what the pipeline gave up on', async () => {
    const { simulator, clock } = await start({
      primary: { faults: [{ type: 'server-error', status: 503 }] },
      backup: { faults: [{ type: 'server-error', status: 500 }] },
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('primary'), model('backup')],
      retry: { ...noJitter, maxAttempts: 2 },
      clock,
    });

    const error = await driveClock(
      clock,
      generateText({ model: resilient, prompt: 'Hello' }),
    ).catch((caught: unknown) => caught);

    expect(AllTargetsFailedError.isInstance(error)).toBe(true);
    const failures = (error as AllTargetsFailedError).failures;
    expect(failures.map((failure) => failure.failure.kind)).toEqual(['overloaded', 'server']);
    // 2 targets x 2 calls, not x 3 more from generateText's own maxRetries.
    expect(simulator.stats().requests).toBe(4);
  });

  it('surfaces a single model’s final 503 as an error the SDK does not retry', async () => {
    const { simulator, clock } = await start({
      only: { faults: [{ type: 'server-error', status: 503 }] },
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('only')],
      retry: { ...noJitter, maxAttempts: 3 },
      clock,
    });

    const error = await driveClock(
      clock,
      generateText({ model: resilient, prompt: 'Hello' }),
    ).catch((caught: unknown) => caught);

    expect(AllTargetsFailedError.isInstance(error)).toBe(true);
    const [failure] = (error as AllTargetsFailedError).failures;
    expect(failure?.failure).toMatchObject({ kind: 'overloaded', status: 503, retryable: false });
    expect(simulator.stats().requests).toBe(3);
  });

  it('stops at once when the caller aborts, closing the hung request', async () => {
    const { simulator, clock } = await start({ hung: { faults: [{ type: 'hang' }] }, backup: {} });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('hung'), model('backup')],
      retry: noJitter,
      clock,
    });
    const controller = new AbortController();
    const reason = new Error('The user left.');

    const generating = generateText({
      model: resilient,
      prompt: 'Hello',
      abortSignal: controller.signal,
    }).catch((caught: unknown) => caught);
    await waitForCondition(() => simulator.stats().inFlight === 1);
    controller.abort(reason);

    expect(await generating).toBe(reason);
    await waitForCondition(() => simulator.stats().inFlight === 0);
    expect(requestsTo(simulator, 'backup')).toBe(0);
  });
});
