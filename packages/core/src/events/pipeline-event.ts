import type { Observation } from '../binding/observation';
import type { Failure } from '../failure/failure';

/** Whether a call returns a whole response or a stream. */
export type CallMode = 'generate' | 'stream';

interface TargetFields {
  /** The target's id. */
  readonly targetId: string;
  /** Its position in the fallback chain, from 0. */
  readonly targetIndex: number;
}

/**
 * Everything the pipeline reports, as one discriminated union on `type`. Subscribe to one
 * type with `model.on(type, listener)` or to all with the `telemetry` option.
 */
export type PipelineEvent =
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
  | {
      readonly type: 'call-failure';
      readonly mode: CallMode;
      readonly attempts: number;
      readonly durationMs: number;
      readonly error: unknown;
    };

/** The names of {@link PipelineEvent} types. */
export type PipelineEventType = PipelineEvent['type'];

/** The event of one type. */
export type PipelineEventOf<TType extends PipelineEventType> = Extract<
  PipelineEvent,
  { type: TType }
>;
