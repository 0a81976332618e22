import type { Disposable } from '@resilient-llm/policies';
import type { PipelineEvent } from '../contract/pipeline-event';

/** An event: a plain object tagged by its `type`. */
interface TypedEvent {
  readonly type: string;
}

/** Where a hub sends its events on: a model's `EventSink`, or another hub. */
interface EventForward<TEvent extends TypedEvent> {
  wants(type: TEvent['type']): boolean;
  emit(event: TEvent): void;
}

/**
 * Typed listeners per event type, plus one telemetry sink and, once {@link EventHub.forwardTo}
 * names it, a sink further on (a stage's hub forwards to its model's event stream from
 * setup). Emitters ask {@link EventHub.wants} first, so an event nobody listens to is never
 * even built. Generic over its events: a model's hub carries every `PipelineEvent`, a
 * stage's hub its own.
 */
export class EventHub<TEvent extends TypedEvent = PipelineEvent> {
  private readonly listeners = new Map<TEvent['type'], ((event: TEvent) => void)[]>();
  private forward: EventForward<TEvent> | undefined;

  constructor(private readonly telemetry?: (event: TEvent) => void) {}

  /** Subscribes to one event type. */
  on<TType extends TEvent['type']>(
    type: TType,
    listener: (event: Extract<TEvent, { readonly type: TType }>) => void,
  ): Disposable {
    const widened = listener as (event: TEvent) => void;
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

  /**
   * From now on, sends every event on to `sink` as well, after this hub's own listeners. A
   * hub forwards to one sink: naming another throws `TypeError`.
   */
  forwardTo(sink: EventForward<TEvent>): void {
    if (this.forward && this.forward !== sink)
      throw new TypeError('This event hub already forwards its events to another sink.');
    this.forward = sink;
  }

  /** True when someone listens to `type`: a listener of it, telemetry, or the sink it forwards to. */
  wants(type: TEvent['type']): boolean {
    return (
      this.telemetry !== undefined ||
      this.listeners.has(type) ||
      (this.forward?.wants(type) ?? false)
    );
  }

  /** Delivers an event; a listener (or the sink) that throws never changes the call's outcome. */
  emit(event: TEvent): void {
    const forward = this.forward;
    for (const listener of [
      ...(this.listeners.get(event.type) ?? []),
      ...(this.telemetry ? [this.telemetry] : []),
      ...(forward ? [(forwarded: TEvent) => forward.emit(forwarded)] : []),
    ]) {
      try {
        listener(event);
      } catch {
        // Observers must not break the call they observe.
      }
    }
  }
}
