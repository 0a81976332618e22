import { describe, expect, it } from 'vitest';
import { InvalidOptionError, type RunningSimulator, validateConfig } from '../src/index';
import { startForTest } from './helpers';

const PAGE = 'http://localhost:5173';
const chat = { model: 'gpt-sim', messages: [{ role: 'user', content: 'Hi' }] };

// What a browser sends before the OpenAI SDK's POST: the method and the non-simple headers.
function preflight(
  simulator: RunningSimulator,
  origin: string,
  headers: string,
): Promise<Response> {
  return fetch(`${simulator.baseURL}/chat/completions`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': headers,
    },
  });
}

function postFrom(
  simulator: RunningSimulator,
  origin: string,
  body: unknown,
  path = '/chat/completions',
): Promise<Response> {
  return fetch(`${simulator.baseURL}${path}`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', authorization: 'Bearer sk-page' },
    body: JSON.stringify(body),
  });
}

function exposed(response: Response): string[] {
  return (response.headers.get('access-control-expose-headers') ?? '').split(', ');
}

// Every header of a response a page's code would want: rate limits, retry hints, request id.
function readableHeaderNames(response: Response): string[] {
  return [...response.headers.keys()].filter((name) => /^(x-|retry-after)/.test(name));
}

describe('CORS', () => {
  it('answers a preflight from a loopback page with the methods, headers and max age', async () => {
    const simulator = await startForTest();
    const requested =
      'authorization, content-type, x-stainless-os, x-stainless-retry-count, openai-organization, anthropic-version, x-api-key';
    const response = await preflight(simulator, PAGE, requested);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe(requested);
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('vary')).toBe('Origin');
    // A preflight is no model request.
    expect(simulator.stats().requests).toBe(0);
  });

  it('echoes only the request headers it accepts', async () => {
    const simulator = await startForTest();
    const response = await preflight(simulator, 'http://127.0.0.1:3000', 'content-type, x-custom');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('lets a page read every rate-limit header of an answer', async () => {
    const simulator = await startForTest();
    const response = await postFrom(simulator, 'http://[::1]:8080', chat);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://[::1]:8080');
    expect(readableHeaderNames(response)).toContain('x-ratelimit-remaining-requests');
    expect(exposed(response)).toEqual(expect.arrayContaining(readableHeaderNames(response)));
  });

  it('sends the headers on a 429 with its retry-after, and on a 404', async () => {
    const simulator = await startForTest({
      models: { tight: { rateLimit: { requestsPerWindow: 1 } } },
    });
    await postFrom(simulator, PAGE, { ...chat, model: 'tight' });
    const refused = await postFrom(simulator, PAGE, { ...chat, model: 'tight' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(readableHeaderNames(refused)).toEqual(
      expect.arrayContaining(['retry-after', 'retry-after-ms', 'x-ratelimit-reset-requests']),
    );
    expect(exposed(refused)).toEqual(expect.arrayContaining(readableHeaderNames(refused)));
    const unknown = await postFrom(simulator, PAGE, chat, '/nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('access-control-allow-origin')).toBe(PAGE);
  });

  it('sends the headers on an injected error and on a stream', async () => {
    const simulator = await startForTest({
      models: { down: { faults: [{ type: 'overloaded' }] } },
    });
    const overloaded = await postFrom(simulator, PAGE, { ...chat, model: 'down' });
    expect(overloaded.status).toBe(529);
    expect(overloaded.headers.get('access-control-allow-origin')).toBe(PAGE);
    const stream = await postFrom(simulator, PAGE, { ...chat, stream: true });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(exposed(stream)).toContain('x-ratelimit-remaining-tokens');
    expect(await stream.text()).toContain('data: [DONE]');
  });

  it('gives a page of another origin no allow header', async () => {
    const simulator = await startForTest();
    const refusedPreflight = await preflight(simulator, 'https://evil.example', 'authorization');
    expect(refusedPreflight.status).toBe(204);
    expect(refusedPreflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(refusedPreflight.headers.get('access-control-allow-headers')).toBeNull();
    const answer = await postFrom(simulator, 'http://localhost.evil.example', chat);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('access-control-expose-headers')).toBeNull();
  });

  it('allows exactly the configured origins, any port where it says *', async () => {
    const simulator = await startForTest({
      cors: { origins: ['https://app.example', 'http://lan.example:*'] },
    });
    const allowed = async (origin: string) =>
      (await postFrom(simulator, origin, chat)).headers.get('access-control-allow-origin');
    expect(await allowed('https://app.example')).toBe('https://app.example');
    expect(await allowed('http://lan.example:4000')).toBe('http://lan.example:4000');
    expect(await allowed('https://app.example:8443')).toBeNull();
    expect(await allowed(PAGE)).toBeNull();
  });

  it('answers no preflight and sends no CORS header with cors: false', async () => {
    const simulator = await startForTest({ cors: false });
    const response = await preflight(simulator, PAGE, 'authorization');
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await postFrom(simulator, PAGE, chat);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('vary')).toBeNull();
  });

  it.each([
    [{ cors: true }, 'cors', true],
    [{ cors: { origin: [PAGE] } }, 'cors.origin', 'an array of 1 item'],
    [{ cors: { origins: PAGE } }, 'cors.origins', PAGE],
    [{ cors: { origins: [PAGE, 5173] } }, 'cors.origins[1]', 5173],
    [
      { cors: { origins: ['http://localhost:5173/'] } },
      'cors.origins[0]',
      'http://localhost:5173/',
    ],
    [{ cors: { origins: ['localhost:5173'] } }, 'cors.origins[0]', 'localhost:5173'],
    [{ cors: { origins: ['http://*.example'] } }, 'cors.origins[0]', 'http://*.example'],
  ])('refuses %j naming %s', (input, field, value) => {
    let caught: unknown;
    try {
      validateConfig(input);
    } catch (error) {
      caught = error;
    }
    expect(InvalidOptionError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ field, value });
    expect((caught as Error).message).toContain(field);
  });
});
