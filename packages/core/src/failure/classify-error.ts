import type { Failure } from '../contract/failure';
import type { HeadersLike } from '../contract/rate-limit-snapshot';
import { classifyCommonError } from './classify-common-error';
import { classifyHttpFailure } from './classify-http-failure';

/**
 * Classifies any error by its shape, for bindings whose SDK errors carry the usual fields:
 * an HTTP status in `status` or `statusCode`, headers in `headers` or `responseHeaders`, the
 * provider's `code` and `type` (also inside an `error` body object). Errors without a status
 * go to {@link classifyCommonError} (aborts, timeouts, network errors). Never throws.
 */
export function classifyError(error: unknown, { now }: { now?: number } = {}): Failure {
  const status = numberField(error, 'status') ?? numberField(error, 'statusCode');
  if (status === undefined) return classifyCommonError(error);
  const body = field(error, 'error');
  return classifyHttpFailure({
    status,
    headers: (field(error, 'headers') ?? field(error, 'responseHeaders')) as
      | HeadersLike
      | undefined,
    code: field(error, 'code') ?? field(body, 'code'),
    type: field(error, 'type') ?? field(body, 'type'),
    message: field(error, 'message') ?? field(body, 'message'),
    cause: error,
    now,
  });
}

function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

function numberField(value: unknown, name: string): number | undefined {
  const found = field(value, name);
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
}
