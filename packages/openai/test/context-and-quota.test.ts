import { AllTargetsFailedError } from '@resilient-llm/core';
import { createManualClock, driveClock, startSimulator } from '@resilient-llm/simulator';
import OpenAI, { RateLimitError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createResilientOpenAI, getProvenance } from '../src/index';

const longQuestion = {
  model: 'qwen/qwen3.6-plus',
  messages: [{ role: 'user' as const, content: 'Tell me everything. '.repeat(40) }],
};

describe('failures another target may not have', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function start() {
    const clock = createManualClock(0);
    const simulator = await startSimulator({
      clock,
      models: {
        'qwen3.6-plus-small': { contextWindow: 50 },
        'qwen3.6-plus-large': { contextWindow: 100_000 },
        'no-credit': { faults: [{ type: 'insufficient-quota' }] },
      },
    });
    closers.push(() => simulator.close());
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test' });
    return { clock, simulator, client };
  }

  it('answers a prompt too long for the first window from the target with a larger one, without retrying', async () => {
    const { clock, simulator, client } = await start();
    const resilient = createResilientOpenAI({
      clock,
      targets: [
        { client, models: { 'qwen/qwen3.6-plus': 'qwen3.6-plus-small' } },
        { client, models: (model) => `${model.split('/').pop()}-large` },
      ],
    });
    const answer = await driveClock(clock, resilient.chat.completions.create(longQuestion));
    expect(answer.choices[0]?.message.content).toBeTruthy();
    const provenance = getProvenance(answer)!;
    // Both targets share a host, so the second one's default id carries its index.
    expect(provenance).toMatchObject({ targetIndex: 1, attempts: 2, model: 'qwen3.6-plus-large' });
    expect(provenance.targetId).toMatch(/^127\.0\.0\.1:\d+#1$/);
    const byModel = simulator.stats().byModel;
    expect(byModel['qwen3.6-plus-small']?.byStatus).toEqual({ '400': 1 });
    expect(byModel['qwen3.6-plus-large']?.byStatus).toEqual({ '200': 1 });
  });

  it('never retries insufficient_quota, and falls over to a target with credit', async () => {
    const { clock, simulator, client } = await start();
    const alone = createResilientOpenAI({
      clock,
      targets: [{ client, models: () => 'no-credit' }],
    });
    const refused = driveClock(clock, alone.chat.completions.create(longQuestion));
    const error = await refused.catch((caught: unknown) => caught);
    expect(AllTargetsFailedError.isInstance(error)).toBe(true);
    const { failures } = error as AllTargetsFailedError;
    expect(failures[0]?.failure).toMatchObject({
      kind: 'spend-cap',
      retryable: false,
      status: 429,
    });
    // The SDK's own error, untouched, for callers that inspect it.
    expect(failures[0]?.error).toBeInstanceOf(RateLimitError);
    expect(simulator.stats().requests).toBe(1);

    const withBackup = createResilientOpenAI({
      clock,
      targets: [
        { client, models: () => 'no-credit', id: 'no-credit' },
        { client, models: () => 'qwen3.6-plus-large', id: 'backup' },
      ],
    });
    const answer = await driveClock(clock, withBackup.chat.completions.create(longQuestion));
    expect(getProvenance(answer)).toMatchObject({ targetId: 'backup', attempts: 2 });
    expect(simulator.stats().byModel['no-credit']?.requests).toBe(2);
  });
});
