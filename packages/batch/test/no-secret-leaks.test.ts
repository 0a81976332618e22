import { createOpenAI } from '@ai-sdk/openai';
import * as aiSdkAdapter from '@resilient-llm/ai-sdk';
import * as core from '@resilient-llm/core';
import * as openAIAdapter from '@resilient-llm/openai';
import * as policies from '@resilient-llm/policies';
import { driveClock, type ManualClock, yieldToIo } from '@resilient-llm/simulator';
import { FaultySharedState } from '@resilient-llm/test-utils/faulty-shared-state';
import { renderings } from '@resilient-llm/test-utils/refusal';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { generateText, streamText } from 'ai';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import * as batchAiSdk from '../src/ai-sdk';
import * as batch from '../src/index';
import * as batchOpenAI from '../src/openai';

const secret = 'sk-test-SECRET-0123456789';
const prompt = [{ role: 'user' as const, content: 'Hi' }];
// Per-call headers that carry the key too, as a gateway may ask for.
const headers = { Authorization: `Bearer ${secret}`, 'x-api-key': secret };
const eventTypes = Object.keys({
  'call-start': true,
  'attempt-start': true,
  'attempt-success': true,
  'attempt-failure': true,
  fallback: true,
  'stream-commit': true,
  'call-success': true,
  'shared-state-fallback': true,
  'shared-state-rejoined': true,
  'call-failure': true,
} satisfies Record<core.BuiltInEvent['type'], true>) as core.BuiltInEvent['type'][];

/** Collects what callers may log, and checks that none of it holds the key. */
function leakCheck() {
  const collected: { label: string; value: unknown }[] = [];
  return {
    add(label: string, value: unknown) {
      collected.push({ label, value });
    },
    /** Subscribes to every event type of `model` and records each event. */
    listen(label: string, model: { on: core.ResilientModel<never, never, never, never>['on'] }) {
      for (const type of eventTypes)
        model.on(type, (event) => collected.push({ label: `${label} ${type}`, value: event }));
    },
    expectNoSecret() {
      expect(collected.length).toBeGreaterThan(0);
      for (const { label, value } of collected) {
        for (const text of renderings(value)) expect(text, label).not.toContain(secret);
      }
      return collected;
    },
  };
}

/** Whatever a call settled with: its error, or its result. */
const outcome = (call: PromiseLike<unknown>) =>
  Promise.resolve(call).then(
    (x) => x,
    (e: unknown) => e,
  );

/** Answers 401 as OpenAI does (the key masked) after the request reached the simulator. */
const unauthorized: typeof fetch = async (input, init) => {
  await fetch(input, init);
  const body = {
    error: {
      message: 'Incorrect API key provided: sk-test-****************6789.',
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    },
  };
  return Response.json(body, { status: 401, headers: { 'x-request-id': 'req_401' } });
};

const failingModels = {
  'rate-limited': { faults: [{ type: 'rate-limit' as const, retryAfterMs: 500 }] },
  failing: { faults: [{ type: 'server-error' as const, status: 500 as const }] },
  dropping: { faults: [{ type: 'drop' as const, afterTokens: 2 }] },
  hanging: { faults: [{ type: 'hang' as const }] },
};

/** Runs `call` on the manual clock until it settles. */
const settle = (clock: ManualClock, call: PromiseLike<unknown>) =>
  driveClock(clock, outcome(call), { stepMs: 100 });

describe('no error, message, value, cause or event holds a credential', () => {
  const start = useSimulator();

  it('in every error class the packages export, built as the code builds them', async () => {
    const { simulator } = await start();
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: secret, fetch: unauthorized });
    const sdkError = await outcome(
      client.chat.completions.create(
        { model: 'gpt-sim', messages: prompt },
        { headers, maxRetries: 0 },
      ),
    );
    const failure = openAIAdapter.classifyOpenAIError(sdkError);
    const recipes: Record<string, () => unknown> = {
      ResilientError: () =>
        new policies.ResilientError({ name: 'ResilientError', message: 'x', cause: sdkError }),
      AbortedError: () => new policies.AbortedError({ cause: sdkError }),
      BrokenCircuitError: () =>
        new policies.BrokenCircuitError({ retryAfterMs: 10, cause: sdkError }),
      BulkheadRejectedError: () =>
        new policies.BulkheadRejectedError({ reason: 'full', maxConcurrent: 1, maxQueued: 0 }),
      InvalidOptionError: () =>
        new policies.InvalidOptionError({ field: 'targets[0]', value: { client }, reason: 'x' }),
      RateLimitWaitTooLongError: () =>
        new policies.RateLimitWaitTooLongError({ retryAfterMs: 10, maxWaitMs: 1 }),
      RetriesExhaustedError: () =>
        new policies.RetriesExhaustedError({
          attempts: 2,
          errors: [sdkError, sdkError],
          reason: 'max-attempts',
        }),
      RetryAfterTooLongError: () =>
        new policies.RetryAfterTooLongError({
          attempts: 1,
          errors: [sdkError],
          retryAfterMs: 10,
          maxServerDelayMs: 1,
        }),
      TimeoutError: () =>
        new policies.TimeoutError({ phase: 'attempt', timeoutMs: 1, cause: sdkError }),
      AllTargetsFailedError: () =>
        new core.AllTargetsFailedError({
          failures: [{ targetId: 'a', targetIndex: 0, error: sdkError, failure }],
        }),
      IncompleteStreamError: () => new core.IncompleteStreamError({ targetId: 'a' }),
      StreamInterruptedError: () =>
        new core.StreamInterruptedError({
          partialParts: [{ choices: [] }],
          targetId: 'a',
          failure,
        }),
      MalformedBatchAnswerError: () =>
        new batch.MalformedBatchAnswerError({ message: 'x', text: 'y', cause: sdkError }),
      MissingItemAnswerError: () =>
        new batch.MissingItemAnswerError({ attempts: 2, cause: sdkError }),
    };
    const exported = [policies, core, openAIAdapter, aiSdkAdapter, batch, batchOpenAI, batchAiSdk]
      .flatMap((module) => Object.entries(module))
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error)
      .map(([name]) => name);
    expect(Object.keys(recipes).sort()).toEqual([...new Set(exported)].sort());
    // The check sees a key where there is one: the client itself prints it.
    expect(renderings(client).some((text) => text.includes(secret))).toBe(true);
    const check = leakCheck();
    check.add('the SDK error', sdkError);
    for (const [name, build] of Object.entries(recipes)) check.add(name, build());
    check.expectNoSecret();
  });

  it('in the errors of invalid options of many kinds', async () => {
    const { simulator } = await start();
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: secret });
    const plainClient = { apiKey: secret, baseURL: simulator.baseURL, defaultHeaders: headers };
    const model = createOpenAI({ baseURL: simulator.baseURL, apiKey: secret, headers }).chat(
      'gpt-sim',
    );
    const check = leakCheck();
    const attempts: [string, () => unknown][] = [
      [
        'a plain object as the client',
        () => openAIAdapter.createResilientOpenAI({ targets: [{ client: plainClient as never }] }),
      ],
      [
        'the client as the targets',
        () => openAIAdapter.createResilientOpenAI({ targets: { client } as never }),
      ],
      [
        'the client as a target',
        () => openAIAdapter.createResilientOpenAI({ targets: [client as never] }),
      ],
      [
        'the client under an unknown key',
        () =>
          openAIAdapter.createResilientOpenAI({
            targets: [{ client }],
            fallback: { client },
          } as never),
      ],
      [
        'the client as an option',
        () =>
          openAIAdapter.createResilientOpenAI({ targets: [{ client }], retry: client as never }),
      ],
      [
        'the key as a key',
        () => openAIAdapter.createResilientOpenAI({ targets: [{ client }], [secret]: 1 } as never),
      ],
      [
        'the key as a model name',
        () =>
          openAIAdapter.createResilientOpenAI({
            targets: [{ client, models: { a: 5, b: secret } as never }],
          }),
      ],
      ['a model as the chain', () => aiSdkAdapter.createResilientModel({ models: model as never })],
      [
        'a model with an unknown key',
        () => aiSdkAdapter.createResilientModel({ models: [{ model, apiKey: secret }] } as never),
      ],
      [
        'a model as an option',
        () => aiSdkAdapter.createResilientModel({ models: [model], clock: model } as never),
      ],
      [
        'a plain client for a batch sender',
        () =>
          batchOpenAI.createOpenAIBatchSender({ client: plainClient as never, model: 'gpt-sim' }),
      ],
      [
        'headers in a batch request',
        () =>
          batchOpenAI.createOpenAIBatchSender({
            client,
            model: 'gpt-sim',
            request: { model: secret } as never,
          }),
      ],
      [
        'a model as settings',
        () => batchAiSdk.createAiSdkBatchSender({ model, settings: { model } } as never),
      ],
    ];
    for (const [label, build] of attempts) {
      const error = await outcome(Promise.resolve().then(build));
      expect(core.InvalidOptionError.isInstance(error), label).toBe(true);
      check.add(label, error);
    }
    const resilient = openAIAdapter.createResilientOpenAI({ targets: [{ client }] });
    check.add(
      'a body that is not one',
      await outcome(resilient.chat.completions.create(client as never)),
    );
    check.add(
      'a signal that is not one',
      await outcome(
        resilient.chat.completions.create(
          { model: 'gpt-sim', messages: prompt },
          { headers, signal: plainClient as never },
        ),
      ),
    );
    check.expectNoSecret();
  });

  it('in the errors and events of calls through the OpenAI adapter that fail, time out, are aborted or cut off', async () => {
    const { simulator, clock } = await start(failingModels);
    const client = new OpenAI({
      baseURL: simulator.baseURL,
      apiKey: secret,
      defaultHeaders: headers,
    });
    const denied = new OpenAI({ baseURL: simulator.baseURL, apiKey: secret, fetch: unauthorized });
    const check = leakCheck();
    // Shared state that fails its first operation, so that the model falls back and rejoins.
    const sharedState = new FaultySharedState(new policies.MemorySharedState());
    sharedState.behaviour = { kind: 'rejecting' };
    const resilient = openAIAdapter.createResilientOpenAI({
      clock,
      sharedState,
      targets: [
        { client: denied, id: 'denied' },
        { client, id: 'gateway' },
        { client, id: 'direct', models: { 'rate-limited': 'failing' } },
      ],
      retry: { maxAttempts: 2, initialDelayMs: 10 },
      circuitBreaker: { key: secret, strategy: { kind: 'consecutive', threshold: 2 } },
      rateLimit: { key: secret },
      attemptTimeoutMs: 1_000,
      telemetry: (event) => {
        check.add(`telemetry ${event.type}`, event);
        if (event.type === 'shared-state-fallback') sharedState.behaviour = { kind: 'healthy' };
      },
    });
    check.listen('model.on', resilient);
    const ask = (model: string, signal?: AbortSignal) =>
      resilient.chat.completions.create({ model, messages: prompt }, { headers, signal });
    check.add('a call that succeeds', await settle(clock, ask('gpt-sim')));
    const controller = new AbortController();
    const aborted = outcome(ask('hanging', controller.signal));
    await yieldToIo();
    controller.abort(new Error('The caller gave up.'));
    check.add('an aborted call', await settle(clock, aborted));
    const stream = await settle(
      clock,
      resilient.chat.completions.create(
        { model: 'dropping', messages: prompt, stream: true },
        { headers },
      ),
    );
    const read = async () => {
      for await (const _ of stream as AsyncIterable<unknown>);
    };
    check.add('an interrupted stream', await outcome(read()));
    // Last, as they open the breakers.
    for (const model of ['rate-limited', 'failing', 'hanging', 'gpt-sim']) {
      check.add(`a call to ${model}`, await settle(clock, ask(model)));
    }
    // Past the shared state's back-off, the next call rejoins it.
    await settle(clock, new Promise<void>((resolve) => clock.setTimeout(() => resolve(), 5_000)));
    check.add('a call after the shared state recovered', await settle(clock, ask('gpt-sim')));
    const events = check.expectNoSecret().filter(({ label }) => label.startsWith('telemetry'));
    expect(new Set(events.map(({ label }) => label))).toEqual(
      new Set(eventTypes.map((type) => `telemetry ${type}`)),
    );
  });

  it('in the errors and events of calls through the AI SDK adapter', async () => {
    const { simulator, clock } = await start(failingModels);
    const provider = createOpenAI({ baseURL: simulator.baseURL, apiKey: secret, headers });
    const denied = createOpenAI({
      baseURL: simulator.baseURL,
      apiKey: secret,
      fetch: unauthorized,
    });
    const check = leakCheck();
    const chain = (modelId: string) =>
      aiSdkAdapter.createResilientModel({
        models: [
          { model: denied.chat(modelId), id: 'denied' },
          { model: provider.chat(modelId), id: 'chat' },
          { model: provider(modelId), id: 'responses' },
        ],
        clock,
        retry: { maxAttempts: 2, initialDelayMs: 10 },
        attemptTimeoutMs: 1_000,
        telemetry: (event) => check.add(`telemetry ${event.type}`, event),
      });
    for (const modelId of ['gpt-sim', 'rate-limited', 'failing', 'hanging']) {
      const model = chain(modelId);
      check.listen(modelId, model);
      check.add(
        `generateText on ${modelId}`,
        await settle(clock, generateText({ model, prompt: 'Hi', headers, maxRetries: 0 })),
      );
    }
    const controller = new AbortController();
    const aborted = generateText({
      model: chain('hanging'),
      prompt: 'Hi',
      headers,
      abortSignal: controller.signal,
    });
    await yieldToIo();
    controller.abort();
    check.add('an aborted call', await settle(clock, aborted));
    const errors: unknown[] = [];
    const cut = streamText({
      model: chain('dropping'),
      prompt: 'Hi',
      headers,
      onError: ({ error }) => void errors.push(error),
    });
    check.add('a cut stream', await settle(clock, cut.consumeStream()));
    for (const error of errors) check.add('a cut stream part', error);
    check.expectNoSecret();
  });

  it('in the errors of the batchers and their senders', async () => {
    const { simulator, clock } = await start({ failing: failingModels.failing });
    const client = openAIAdapter.createResilientOpenAI({
      clock,
      retry: false,
      targets: [
        {
          client: new OpenAI({
            baseURL: simulator.baseURL,
            apiKey: secret,
            defaultHeaders: headers,
          }),
        },
      ],
    });
    const check = leakCheck();
    for (const model of ['failing', 'gpt-sim']) {
      const batcher = batch.createPromptBatcher({
        send: batchOpenAI.createOpenAIBatchSender({ client, model }),
        answer: {
          jsonSchema: { type: 'number' },
          validate: () => {
            throw new Error('not a number');
          },
        },
        clock,
      });
      check.add(`a batch to ${model}`, await settle(clock, batcher.run('Hi')));
    }
    const coalescer = batch.createEmbeddingCoalescer({
      send: batchOpenAI.createOpenAIEmbeddingSender({ client, model: 'failing' }),
      clock,
    });
    check.add('an embedding batch', await settle(clock, coalescer.embed('Hi')));
    check.expectNoSecret();
  });
});
