import type { Disposable } from '@resilient-llm/policies';
import type { PipelineEvent, PipelineEventOf, PipelineEventType } from '../contract/pipeline-event';

type AnyListener = (event: PipelineEvent) => void;

/**
 * Typed listeners per event type plus one telemetry sink. Emitters ask {@link EventHub.wants}
 * first, so an event nobody listens to is never even built.
 */
export class EventHub {
  private readonly listeners = new Map<PipelineEventType, AnyListener[]>();

  constructor(private readonly telemetry?: AnyListener) {}

  /** Subscribes to one event type. */
  on<TType extends PipelineEventType>(
    type: TType,
    listener: (event: PipelineEventOf<TType>) => void,
  ): Disposable {
    const widened = listener as AnyListener;
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), widened]);
    return {
      dispose: () => {
        const remaining = (this.listeners.get(type) ?? []).filter(
          (existing) => existing !== widened,
        );
        if (remaining.length > 0) this.listeners.set(type, remaining);
        else this.listeners.delete(type);
      },
    };
  }

  /** True when someone listens to `type`. */
  wants(type: PipelineEventType): boolean {
    return this.telemetry !== undefined || this.listeners.has(type);
  }

  /** Delivers an event; a listener that throws never changes the call's outcome. */
  emit(event: PipelineEvent): void {
    for (const listener of [
      ...(this.listeners.get(event.type) ?? []),
      ...(this.telemetry ? [this.telemetry] : []),
    ]) {
      try {
        listener(event);
      } catch {
        // Observers must not break the call they observe.
      }
    }
  }
}
