import type { Failure } from './failure';
import type { Observation } from './observation';

/** Whether a call returns a whole response or a stream. */
export type CallMode = 'generate' | 'stream';

interface TargetFields {
  /** The target's id. */
  readonly targetId: string;
  /** Its position in the fallback chain, from 0. */
  readonly targetIndex: number;
}

/**
 * Events that stages add to the model's event stream, by type. A package whose stage reports
 * events declares them here by module augmentation, so `model.on('cache-hit', ...)` is typed:
 *
 * ```ts
 * declare module '@resilient-llm/core' {
 *   interface StageEvents { 'cache-hit': { type: 'cache-hit'; stage: string; key: string } }
 * }
 * ```
 *
 * Each event carries `stage`, the name of the stage that emitted it.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by module augmentation.
export interface StageEvents {}

/** An event a stage emits: one of {@link StageEvents}. */
export type StageEvent = StageEvents[keyof StageEvents];

/** The built-in policies that share state across processes (the model's `sharedState`). */
export type SharedStatePolicy = 'rate-limit' | 'circuit-breaker';

interface SharedStateFields extends TargetFields {
  /** Which target's policy shares the state. */
  readonly policy: SharedStatePolicy;
  /** The key of its state in the shared state (a prefix and the target id). */
  readonly key: string;
}

/** What the pipeline itself reports. */
export type BuiltInEvent =
  | { readonly type: 'call-start'; readonly mode: CallMode }
  | (TargetFields & { readonly type: 'attempt-start'; readonly attempt: number })
  | (TargetFields & {
      readonly type: 'attempt-success';
      readonly attempt: number;
      readonly observation?: Observation;
    })
  | (TargetFields & {
      readonly type: 'attempt-failure';
      readonly attempt: number;
      readonly failure: Failure;
    })
  | (TargetFields & {
      readonly type: 'fallback';
      readonly failure: Failure;
      readonly nextTargetId: string;
    })
  | (TargetFields & { readonly type: 'stream-commit' })
  | (TargetFields & {
      readonly type: 'call-success';
      readonly mode: CallMode;
      readonly attempts: number;
      readonly durationMs: number;
    })
  | (SharedStateFields & {
      /**
       * An operation on the shared state failed or ran past its timeout: the policy goes on
       * from this process's own state (no call fails for it) until it rejoins.
       */
      readonly type: 'shared-state-fallback';
      /** The operation (`'rate-limit'`, `'lease-probe'`, `'read-breaker'`, …). */
      readonly operation: string;
      /** Why: the store's error, or a `TimeoutError` (phase `shared-state`). */
      readonly error: unknown;
    })
  | (SharedStateFields & {
      /** The first operation on the shared state that succeeded after a fallback. */
      readonly type: 'shared-state-rejoined';
    })
  | {
      readonly type: 'call-failure';
      readonly mode: CallMode;
      readonly attempts: number;
      readonly durationMs: number;
      readonly error: unknown;
    };

/**
 * Everything a model reports, the pipeline's own events and its stages', as one discriminated
 * union on `type`. Subscribe to one type with `model.on(type, listener)` or to all with the
 * `telemetry` option.
 */
export type PipelineEvent = BuiltInEvent | StageEvent;

/** The names of {@link PipelineEvent} types. */
export type PipelineEventType = PipelineEvent['type'];

/** The event of one type. */
export type PipelineEventOf<TType extends PipelineEventType> = Extract<
  PipelineEvent,
  { type: TType }
>;

/**
 * Where stages send events: the model's one event stream, which `model.on` and `telemetry`
 * read. Ask {@link EventSink.wants} first, so an event nobody listens to is never built.
 */
export interface EventSink {
  /** True when someone listens to `type` (a listener of that type, or telemetry). */
  wants(type: PipelineEventType): boolean;
  /** Delivers an event; a listener that throws never changes the call's outcome. */
  emit(event: PipelineEvent): void;
}
