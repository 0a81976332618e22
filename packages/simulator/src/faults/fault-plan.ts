import type { FaultType } from '../config/types';

/** A fault that replaces the whole response. */
export type ResponseFault =
  | { readonly type: 'server-error'; readonly status: 500 | 502 | 503 }
  | { readonly type: 'overloaded' }
  | { readonly type: 'rate-limit'; readonly retryAfterMs: number }
  | { readonly type: 'insufficient-quota' }
  | { readonly type: 'connection-reset' }
  | { readonly type: 'hang' };

/** What the faults drawn for one request do to it. */
export interface FaultPlan {
  /** Replaces the response entirely when set. */
  readonly response: ResponseFault | undefined;
  /** Delay before the first token (or before a non-streaming answer). */
  readonly firstTokenDelayMs: number;
  /** A pause mid-stream. */
  readonly stall: { readonly afterTokens: number; readonly durationMs: number } | undefined;
  /** A dropped connection mid-stream. */
  readonly drop: { readonly afterTokens: number } | undefined;
  /** A broken SSE event mid-stream. */
  readonly malformed: { readonly afterTokens: number } | undefined;
  /** The fault types that took effect, for counters. */
  readonly fired: readonly FaultType[];
}
