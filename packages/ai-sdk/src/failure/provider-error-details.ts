/** What an error body said: the fields `classifyHttpFailure` reads. */
export interface ProviderErrorBody {
  readonly code?: unknown;
  readonly type?: unknown;
  readonly message?: unknown;
}

/**
 * Reads `code`, `type` and `message` from a provider's error payload: parsed `data` when the
 * provider kept it, else the raw `responseBody`. Understands OpenAI's `{ error: {...} }`,
 * Anthropic's `{ type: 'error', error: {...} }` and flat `{ code, message }` bodies.
 */
export function providerErrorDetails(data: unknown, responseBody?: unknown): ProviderErrorBody {
  const payload = isRecord(data) ? data : parseJson(responseBody);
  if (!isRecord(payload)) return {};
  const inner = isRecord(payload.error) ? payload.error : payload;
  return { code: inner.code, type: inner.type, message: inner.message };
}

function parseJson(body: unknown): unknown {
  if (typeof body !== 'string' || body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    // A body that is no JSON (an HTML error page) says nothing we can classify by.
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
