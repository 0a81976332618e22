import type { IncomingMessage, ServerResponse } from 'node:http';
import { type OriginPattern, originAllowed } from '../config/origin-pattern';

/** How long a browser may cache a preflight answer, in seconds. */
const CORS_MAX_AGE_SECONDS = 600;

/** Methods the simulator serves. */
const ALLOWED_METHODS = 'GET, POST, OPTIONS';

/**
 * Request headers a page may send: what the OpenAI and Anthropic SDKs and the AI SDK send
 * from a browser. A name ending in `-` stands for every header it begins.
 */
const ALLOWED_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'idempotency-key',
  'x-api-key',
  'x-stainless-',
  'openai-',
  'anthropic-',
];

/**
 * Response headers a page may read besides the CORS-safelisted ones: every rate-limit and
 * retry header the simulator sends, and the request id.
 */
const EXPOSED_RESPONSE_HEADERS = [
  'x-ratelimit-limit-requests',
  'x-ratelimit-remaining-requests',
  'x-ratelimit-reset-requests',
  'x-ratelimit-limit-tokens',
  'x-ratelimit-remaining-tokens',
  'x-ratelimit-reset-tokens',
  'retry-after',
  'retry-after-ms',
  'x-request-id',
];

/**
 * Sets the CORS headers of every response to an allowed origin (success, error or stream):
 * the origin echoed, the readable headers, `Vary: Origin`. A preflight (`OPTIONS` with
 * `Access-Control-Request-Method`) is answered here with 204; returns true when it was.
 */
export function applyCors(
  request: IncomingMessage,
  response: ServerResponse,
  origins: readonly OriginPattern[] | false,
): boolean {
  const origin = request.headers.origin;
  const allowed = origins !== false && origin !== undefined && originAllowed(origin, origins);
  if (origins !== false) response.setHeader('vary', 'Origin');
  if (allowed) {
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('access-control-expose-headers', EXPOSED_RESPONSE_HEADERS.join(', '));
  }
  const preflight =
    origins !== false &&
    request.method === 'OPTIONS' &&
    request.headers['access-control-request-method'] !== undefined;
  if (!preflight) return false;
  request.resume();
  if (allowed) {
    response.setHeader('access-control-allow-methods', ALLOWED_METHODS);
    const headers = allowedRequestHeaders(request.headers['access-control-request-headers']);
    if (headers) response.setHeader('access-control-allow-headers', headers);
    response.setHeader('access-control-max-age', String(CORS_MAX_AGE_SECONDS));
  }
  response.writeHead(204).end();
  return true;
}

/** The requested header names the simulator accepts, comma-separated as the browser listed them. */
function allowedRequestHeaders(requested: string | undefined): string {
  return (requested ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) =>
      ALLOWED_REQUEST_HEADERS.some((allowed) =>
        allowed.endsWith('-') ? name.startsWith(allowed) : name === allowed,
      ),
    )
    .join(', ');
}
