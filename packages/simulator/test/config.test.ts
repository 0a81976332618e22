import { describe, expect, it } from 'vitest';
import { InvalidOptionError, SCENARIO_NAMES, startSimulator, validateConfig } from '../src/index';

function rejection(input: unknown): InvalidOptionError {
  try {
    validateConfig(input);
  } catch (error) {
    if (InvalidOptionError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('config validation', () => {
  it.each([
    [{ scenario: 'chaos' }, 'scenario', 'chaos'],
    [{ seed: 1.5 }, 'seed', 1.5],
    [{ port: 70000 }, 'port', 70000],
    [
      { models: { fast: { faults: [{ type: 'server-error', probability: 1.5 }] } } },
      'models.fast.faults[0].probability',
      1.5,
    ],
    [
      { models: { fast: { faults: [{ type: 'explode' }] } } },
      'models.fast.faults[0].type',
      'explode',
    ],
    [
      { models: { fast: { faults: [{ type: 'server-error', status: 504 }] } } },
      'models.fast.faults[0].status',
      504,
    ],
    [
      { models: { fast: { faults: [{ type: 'hang', windows: [{ startMs: 10, endMs: 5 }] }] } } },
      'models.fast.faults[0].windows[0].endMs',
      5,
    ],
    [
      { models: { fast: { rateLimit: { requestsPerWindow: -1 } } } },
      'models.fast.rateLimit.requestsPerWindow',
      -1,
    ],
    [
      { models: { fast: { rateLimit: { kind: 'leaky-bucket' } } } },
      'models.fast.rateLimit.kind',
      'leaky-bucket',
    ],
    [{ defaultModel: { sharedPool: { kind: 1 } } }, 'defaultModel.sharedPool.kind', 1],
    [
      { defaultModel: { latency: { tokensPerSecond: 'fast' } } },
      'defaultModel.latency.tokensPerSecond',
      'fast',
    ],
    [{ models: { fast: { contextWindo: 10 } } }, 'models.fast.contextWindo', 10],
    [
      { models: { fast: { faults: [{ type: 'drop', durationMs: 10 }] } } },
      'models.fast.faults[0].durationMs',
      10,
    ],
    [{ clock: { now: () => 0 } }, 'clock.setTimeout', undefined],
  ])('rejects %j naming %s', (input, field, value) => {
    const error = rejection(input);
    expect(error.field).toBe(field);
    expect(error.value).toEqual(value);
    expect(error.message).toContain(field);
    expect(error).toBeInstanceOf(Error);
  });

  it('accepts a negative seed, as a seed may be any integer', () => {
    expect(validateConfig({ seed: -7 }).seed).toBe(-7);
  });

  it('suggests the known key an unknown one most likely means, at any depth', () => {
    expect(rejection({ models: { fast: { contextWindo: 10 } } }).message).toContain(
      'did you mean `contextWindow`?',
    );
    const topLevel = rejection({ sede: 3 });
    expect(topLevel.field).toBe('sede');
    expect(topLevel.message).toContain('did you mean `seed`?');
  });

  it('rejects before listening when started with a bad config', async () => {
    await expect(startSimulator({ seed: Number.NaN })).rejects.toThrow(/seed/);
  });

  it('accepts every scenario and a full custom config', () => {
    for (const scenario of SCENARIO_NAMES)
      expect(validateConfig({ scenario }).scenario).toBe(scenario);
    const config = validateConfig({
      scenario: '429-storm',
      seed: 3,
      port: 0,
      rejectUnknownModels: true,
      defaultModel: { responseTokens: 4 },
      models: {
        big: {
          contextWindow: 1_000_000,
          embeddingDimensions: 8,
          rateLimit: {
            kind: 'token-bucket',
            requestsPerWindow: 5,
            tokensPerWindow: 100,
            windowMs: 1000,
          },
          sharedPool: { kind: 'fixed-window', requestsPerWindow: 10 },
          latency: { firstTokenMedianMs: 100, firstTokenP99Ms: 900, tokensPerSecond: 40 },
          faults: [
            {
              type: 'server-error',
              status: 502,
              probability: 0.1,
              windows: [{ startMs: 0, endMs: 1000 }],
            },
            { type: 'stall', afterTokens: 2, durationMs: 100 },
          ],
        },
      },
    });
    expect(config.models.big?.faults).toHaveLength(2);
    expect(config.models.big?.rateLimit?.kind).toBe('token-bucket');
  });
});
