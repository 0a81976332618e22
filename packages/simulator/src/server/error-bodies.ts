/** OpenAI's error envelope. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** Builds OpenAI's `{ error: { message, type, param, code } }`. */
export function openAIError(
  message: string,
  type: string,
  code: string | null = null,
  param: string | null = null,
): OpenAIErrorBody {
  return { error: { message, type, param, code } };
}

/** Body of an injected 500/502/503. */
export function serverErrorBody(status: number): OpenAIErrorBody {
  if (status === 503)
    return openAIError('The server is overloaded or not ready yet.', 'server_error');
  if (status === 502) return openAIError('Bad gateway.', 'server_error');
  return openAIError(
    'The server had an error while processing your request. Sorry about that!',
    'server_error',
  );
}

/** Anthropic's 529 body. */
export function overloadedBody(): {
  type: 'error';
  error: { type: 'overloaded_error'; message: string };
} {
  return { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
}

/** 429 `rate_limit_exceeded` in OpenAI's wording. */
export function rateLimitBody(details: {
  model: string;
  kind: 'requests' | 'tokens';
  limit: number;
  used: number;
  requested: number;
  waitMs: number;
  scope: string;
}): OpenAIErrorBody {
  const unit =
    details.kind === 'requests' ? 'requests per window (RPM)' : 'tokens per window (TPM)';
  const message =
    `Rate limit reached for ${details.model} in ${details.scope} on ${unit}: Limit ${details.limit}, ` +
    `Used ${details.used}, Requested ${details.requested}. Please try again in ${(details.waitMs / 1000).toFixed(3)}s.`;
  return openAIError(message, details.kind, 'rate_limit_exceeded');
}

/** 429 `insufficient_quota`: a spend cap, not to be retried. */
export function insufficientQuotaBody(): OpenAIErrorBody {
  return openAIError(
    'You exceeded your current quota, please check your plan and billing details.',
    'insufficient_quota',
    'insufficient_quota',
  );
}

/** 400 `context_length_exceeded`. */
export function contextLengthBody(
  contextWindow: number,
  promptTokens: number,
  param: string,
): OpenAIErrorBody {
  return openAIError(
    `This model's maximum context length is ${contextWindow} tokens. However, your messages resulted in ` +
      `${promptTokens} tokens. Please reduce the length of the messages.`,
    'invalid_request_error',
    'context_length_exceeded',
    param,
  );
}

/** 404 for a model the simulator does not serve. */
export function modelNotFoundBody(model: string): OpenAIErrorBody {
  return openAIError(
    `The model \`${model}\` does not exist or you do not have access to it.`,
    'invalid_request_error',
    'model_not_found',
    'model',
  );
}
