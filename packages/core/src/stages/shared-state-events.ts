import type {
  Disposable,
  Event,
  SharedStateFault,
  SharedStateRejoin,
} from '@resilient-llm/policies';
import type { SharedStatePolicy } from '../contract/pipeline-event';
import type { PerTargetModel } from './per-target';

/** A policy that shares state across processes and tells when that fails and recovers. */
export interface SharingPolicy {
  readonly onSharedStateFault: Event<SharedStateFault>;
  readonly onSharedStateRejoin: Event<SharedStateRejoin>;
}

/**
 * Turns a target's policy's shared-state faults and rejoins into the model's
 * `shared-state-fallback` and `shared-state-rejoined` events.
 */
export function reportSharedState(
  sharing: SharingPolicy,
  policy: SharedStatePolicy,
  targetId: string,
  { events, targetIds }: PerTargetModel,
): Disposable[] {
  if (!events) return [];
  const target = { targetId, targetIndex: targetIds.indexOf(targetId), policy };
  return [
    sharing.onSharedStateFault(({ operation, key, error }) => {
      if (events.wants('shared-state-fallback'))
        events.emit({ type: 'shared-state-fallback', ...target, operation, key, error });
    }),
    sharing.onSharedStateRejoin(({ key }) => {
      if (events.wants('shared-state-rejoined'))
        events.emit({ type: 'shared-state-rejoined', ...target, key });
    }),
  ];
}
