import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noBuiltIns, scriptedBinding, scriptedTarget } from '../../test/scripted-binding';
import type { Observation } from '../binding/observation';
import { createResilientModel } from '../pipeline/create-resilient-model';
import { createRateLimitStage } from './rate-limit-stage';

function modelReporting(observation: Observation) {
  const binding = { ...scriptedBinding, observe: () => observation, estimateTokens: () => 100 };
  const stage = createRateLimitStage(
    { tokensPerWindow: 1_000, windowMs: 60_000 },
    { targetIds: ['a'], estimateTokens: binding.estimateTokens },
  );
  const target = scriptedTarget('a', { respond: 'ok' });
  const model = createResilientModel({
    ...noBuiltIns,
    binding,
    targets: [target],
    stages: [stage],
  });
  return { model, tokenLevel: () => stage.limiters.get('a')!.snapshot().tokens.level };
}

describe('the rate-limit stage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('settles a permit on the tokens the response used, refunding the rest of the reservation', async () => {
    const { model, tokenLevel } = modelReporting({
      usage: { inputTokens: 30, outputTokens: 20, cachedInputTokens: 10 },
    });

    await model.generate('hi');

    // 100 reserved, 40 counted (cached input tokens do not count).
    expect(tokenLevel()).toBe(960);
  });

  it('refunds nothing when the provider reported its own remaining tokens', async () => {
    const { model, tokenLevel } = modelReporting({
      rateLimit: { tokens: { limit: 1_000, remaining: 900 } },
      usage: { inputTokens: 30, outputTokens: 20 },
    });

    await model.generate('hi');

    expect(tokenLevel()).toBe(900);
  });
});
