import { describe, expect, it } from 'vitest';
import { createManualClock, formatGoDuration } from '../src/index';
import { post, startForTest } from './helpers';

const chat = (maxTokens = 10) => ({
  model: 'limited',
  max_tokens: maxTokens,
  messages: [{ role: 'user', content: 'abcdefgh' }],
});

describe('rate limits on an injected clock', () => {
  it('reports x-ratelimit headers and answers 429 with retry-after when requests run out', async () => {
    const clock = createManualClock(1_000_000);
    const simulator = await startForTest({
      clock,
      models: {
        limited: { rateLimit: { requestsPerWindow: 2, tokensPerWindow: 1000, windowMs: 60_000 } },
      },
    });
    const first = await post(simulator, '/chat/completions', chat());
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    expect(first.headers.get('x-ratelimit-reset-requests')).toBe('1m0s');
    expect(first.headers.get('x-ratelimit-limit-tokens')).toBe('1000');
    // Prompt "abcdefgh" is 2 tokens, plus max_tokens 10.
    expect(first.headers.get('x-ratelimit-remaining-tokens')).toBe('988');
    clock.advance(1500);
    const second = await post(simulator, '/chat/completions', chat());
    expect(second.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(second.headers.get('x-ratelimit-reset-requests')).toBe('58.5s');
    expect(second.headers.get('x-ratelimit-remaining-tokens')).toBe('976');
    clock.advance(12.5);
    const refused = await post(simulator, '/chat/completions', chat());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after-ms')).toBe('58488');
    expect(refused.headers.get('retry-after')).toBe('59');
    expect(refused.headers.get('x-ratelimit-reset-requests')).toBe('58.488s');
    const body = await refused.json();
    expect(body.error).toMatchObject({
      type: 'requests',
      param: null,
      code: 'rate_limit_exceeded',
    });
    expect(body.error.message).toContain('Rate limit reached for limited');
    clock.advance(58_488);
    const renewed = await post(simulator, '/chat/completions', chat());
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    expect(simulator.stats().rateLimited).toBe(1);
    expect(simulator.stats().byStatus).toEqual({ '200': 3, '429': 1 });
  });

  it('counts tokens as prompt estimate plus max tokens and refuses with type tokens', async () => {
    const clock = createManualClock();
    const simulator = await startForTest({
      clock,
      models: {
        limited: { rateLimit: { requestsPerWindow: 100, tokensPerWindow: 50, windowMs: 1000 } },
      },
    });
    expect((await post(simulator, '/chat/completions', chat(40))).status).toBe(200);
    clock.advance(12);
    const refused = await post(simulator, '/chat/completions', chat(40));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-remaining-tokens')).toBe('8');
    expect(refused.headers.get('x-ratelimit-reset-tokens')).toBe('988ms');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('retry-after-ms')).toBe('988');
    expect((await refused.json()).error.type).toBe('tokens');
  });

  it('keeps one window per API key', async () => {
    const simulator = await startForTest({
      clock: createManualClock(),
      models: { limited: { rateLimit: { requestsPerWindow: 1 } } },
    });
    expect((await post(simulator, '/chat/completions', chat(), 'key-a')).status).toBe(200);
    expect((await post(simulator, '/chat/completions', chat(), 'key-b')).status).toBe(200);
    expect((await post(simulator, '/chat/completions', chat(), 'key-a')).status).toBe(429);
    const stats = simulator.stats();
    expect(stats.byKey['key-a']?.rateLimited).toBe(1);
    expect(stats.byKey['key-b']?.rateLimited).toBe(0);
    expect(stats.byModel.limited?.requests).toBe(3);
  });

  it('in shared-pool mode refuses a quiet key when all keys together exhaust the pool', async () => {
    const simulator = await startForTest({
      clock: createManualClock(),
      models: { limited: { sharedPool: { requestsPerWindow: 3, windowMs: 10_000 } } },
    });
    for (const key of ['a', 'b', 'c'])
      expect((await post(simulator, '/chat/completions', chat(), key)).status).toBe(200);
    const refused = await post(simulator, '/chat/completions', chat(), 'quiet');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    // The key's own limits are untouched: the congestion is elsewhere.
    expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('1000000');
    expect((await refused.json()).error.message).toContain('shared capacity pool');
  });

  it('with kind token-bucket answers 429 with the wait until the next request refills', async () => {
    const clock = createManualClock(1_000_000);
    const simulator = await startForTest({
      clock,
      models: {
        limited: {
          rateLimit: {
            kind: 'token-bucket',
            requestsPerWindow: 3,
            tokensPerWindow: 1000,
            windowMs: 60_000,
          },
        },
      },
    });
    const first = await post(simulator, '/chat/completions', chat());
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('2');
    // One request of 3 per minute refills in 20 s; 12 tokens of 1000 per minute in 720 ms.
    expect(first.headers.get('x-ratelimit-reset-requests')).toBe('20s');
    expect(first.headers.get('x-ratelimit-remaining-tokens')).toBe('988');
    expect(first.headers.get('x-ratelimit-reset-tokens')).toBe('720ms');
    for (let request = 0; request < 2; request++)
      expect((await post(simulator, '/chat/completions', chat())).status).toBe(200);
    clock.advance(5000);
    const refused = await post(simulator, '/chat/completions', chat());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after-ms')).toBe('15000');
    expect(refused.headers.get('retry-after')).toBe('15');
    expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    // The reset is the time until the bucket is full, not until the next request.
    expect(refused.headers.get('x-ratelimit-reset-requests')).toBe('55s');
    const body = await refused.json();
    expect(body.error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(body.error.message).toContain('Please try again in 15.000s');
    clock.advance(15_000);
    const next = await post(simulator, '/chat/completions', chat());
    expect(next.status).toBe(200);
    expect(next.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(next.headers.get('x-ratelimit-reset-requests')).toBe('1m0s');
  });

  it('with a token-bucket shared pool refuses a quiet key until the pool refills', async () => {
    const clock = createManualClock();
    const simulator = await startForTest({
      clock,
      models: {
        limited: {
          sharedPool: { kind: 'token-bucket', requestsPerWindow: 2, windowMs: 10_000 },
        },
      },
    });
    for (const key of ['a', 'b'])
      expect((await post(simulator, '/chat/completions', chat(), key)).status).toBe(200);
    clock.advance(1000);
    const refused = await post(simulator, '/chat/completions', chat(), 'quiet');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after-ms')).toBe('4000');
    expect(refused.headers.get('retry-after')).toBe('4');
    // The key's own (fixed-window) limits are untouched.
    expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('1000000');
    expect((await refused.json()).error.message).toContain('shared capacity pool');
    clock.advance(4000);
    expect((await post(simulator, '/chat/completions', chat(), 'quiet')).status).toBe(200);
    expect((await post(simulator, '/chat/completions', chat(), 'a')).status).toBe(429);
  });

  it('sends rate-limit headers on every model response, errors included', async () => {
    const simulator = await startForTest({
      models: { limited: { faults: [{ type: 'server-error', status: 502 }] } },
    });
    const response = await post(simulator, '/chat/completions', chat());
    expect(response.status).toBe(502);
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('1000000');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [12, '12ms'],
    [0.5, '0.5ms'],
    [1000, '1s'],
    [8640, '8.64s'],
    [360_000, '6m0s'],
    [3_723_500, '1h2m3.5s'],
    [7_200_000, '2h0m0s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });
});
