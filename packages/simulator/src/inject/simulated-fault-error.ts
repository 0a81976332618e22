import type { FaultType } from '../config/types';

// The AI SDK recognises errors by these registered symbols (`APICallError.isInstance`), so
// errors carry them without this package importing `@ai-sdk/provider` at runtime.
const aiSdkErrorMarker = Symbol.for('vercel.ai.error');
const apiCallErrorMarker = Symbol.for('vercel.ai.error.AI_APICallError');
const simulatedMarker = Symbol.for('resilient-llm.simulator.fault-error');

/** Which simulated failure an error stands for. */
export type SimulatedFailure = FaultType | 'context-length';

/** Fields of a {@link SimulatedFaultError}. */
export interface SimulatedFaultErrorFields {
  readonly fault: SimulatedFailure;
  readonly message: string;
  readonly statusCode?: number;
  readonly responseHeaders?: Record<string, string>;
  readonly responseBody?: string;
  readonly isRetryable: boolean;
  readonly cause?: unknown;
}

/**
 * The error an in-process fault throws. It passes the AI SDK's `APICallError.isInstance` and
 * has the same fields (`statusCode`, `responseHeaders`, `responseBody`, `isRetryable`), plus
 * OpenAI-SDK-style `status` and `headers`, so classifiers of either SDK read it.
 */
export class SimulatedFaultError extends Error {
  readonly [aiSdkErrorMarker] = true;
  readonly [apiCallErrorMarker] = true;
  readonly [simulatedMarker] = true;
  /** The fault that produced it. */
  readonly fault: SimulatedFailure;
  /** Always `simulator://in-process`: no request was sent. */
  readonly url = 'simulator://in-process';
  /** Not recorded for in-process calls. */
  readonly requestBodyValues: unknown = undefined;
  readonly statusCode: number | undefined;
  readonly responseHeaders: Record<string, string> | undefined;
  readonly responseBody: string | undefined;
  readonly isRetryable: boolean;
  /** The parsed `responseBody`, as `APICallError.data`. */
  readonly data: unknown;

  constructor({
    fault,
    message,
    statusCode,
    responseHeaders,
    responseBody,
    isRetryable,
    cause,
  }: SimulatedFaultErrorFields) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'AI_APICallError';
    this.fault = fault;
    this.statusCode = statusCode;
    this.responseHeaders = responseHeaders;
    this.responseBody = responseBody;
    this.isRetryable = isRetryable;
    this.data = responseBody === undefined ? undefined : JSON.parse(responseBody);
  }

  /** The HTTP status, as the OpenAI SDK names it. */
  get status(): number | undefined {
    return this.statusCode;
  }

  /** The response headers, as the OpenAI SDK names them. */
  get headers(): Record<string, string> | undefined {
    return this.responseHeaders;
  }

  /** True for errors of this class, across duplicate installs. */
  static isInstance(error: unknown): error is SimulatedFaultError {
    return typeof error === 'object' && error !== null && simulatedMarker in error;
  }
}
