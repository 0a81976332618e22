import type { Clock } from '@resilient-llm/policies';
import type { Binding } from '../binding/binding';
import type { PipelineEvent } from '../events/pipeline-event';
import type { StreamTimeouts } from '../stream/stream-timeouts';
import type { Stage } from './stage';

/** Options of `createResilientModel`. */
export interface ResilientModelOptions<TTarget, TRequest, TResponse, TPart> {
  /** The adapter that drives one SDK. */
  binding: Binding<TTarget, TRequest, TResponse, TPart>;
  /** The fallback chain, tried in order. At least one; target ids must be unique. */
  targets: readonly TTarget[];
  /** Stages, the first listed outermost. Defaults to none. */
  stages?: readonly Stage<TTarget, TRequest, TResponse, TPart>[];
  /** Total deadline of every call, in ms; a call may lower or raise it. Defaults to 600000 (10 minutes). */
  timeoutMs?: number;
  /** Time limits on stream parts (first content, idle gap). Defaults to none. */
  streamTimeouts?: StreamTimeouts;
  /** Source of time for every wait. Defaults to the system clock. */
  clock?: Clock;
  /** Receives every pipeline event. Defaults to none. */
  telemetry?: (event: PipelineEvent) => void;
}

/** The default total deadline of a call: 10 minutes, as the OpenAI SDK's own request timeout. */
export const defaultTimeoutMs = 600_000;
