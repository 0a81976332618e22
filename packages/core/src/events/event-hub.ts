import type { Disposable } from '@resilient-llm/policies';
import { EventEmitter } from '@resilient-llm/policies/internal';
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
 * stage's hub its own. Each list of listeners is a policies `EventEmitter`, the one
 * implementation of listeners in the repository.
 */
export class EventHub<TEvent extends TypedEvent = PipelineEvent> {
  private readonly byType = new Map<TEvent['type'], EventEmitter<TEvent>>();
  // Telemetry, then the sink forwarded to: both see every event, after the typed listeners.
  private readonly everyEvent = new EventEmitter<TEvent>();
  private forward: EventForward<TEvent> | undefined;

  constructor(private readonly telemetry?: (event: TEvent) => void) {
    if (telemetry) this.everyEvent.event(telemetry);
  }

  /** Subscribes to one event type. */
  on<TType extends TEvent['type']>(
    type: TType,
    listener: (event: Extract<TEvent, { readonly type: TType }>) => void,
  ): Disposable {
    let emitter = this.byType.get(type);
    if (!emitter) {
      emitter = new EventEmitter<TEvent>();
      this.byType.set(type, emitter);
    }
    const subscription = emitter.event(listener as (event: TEvent) => void);
    const typed = emitter;
    return {
      dispose: () => {
        subscription.dispose();
        if (!typed.hasListeners && this.byType.get(type) === typed) this.byType.delete(type);
      },
    };
  }

  /**
   * From now on, sends every event on to `sink` as well, after this hub's own listeners. A
   * hub forwards to one sink: naming another throws `TypeError`.
   */
  forwardTo(sink: EventForward<TEvent>): void {
    if (this.forward === sink) return;
    if (this.forward)
      throw new TypeError('This event hub already forwards its events to another sink.');
    this.forward = sink;
    this.everyEvent.event((event) => sink.emit(event));
  }

  /** True when someone listens to `type`: a listener of it, telemetry, or the sink it forwards to. */
  wants(type: TEvent['type']): boolean {
    return (
      this.telemetry !== undefined ||
      (this.byType.get(type)?.hasListeners ?? false) ||
      (this.forward?.wants(type) ?? false)
    );
  }

  /** Delivers an event; a listener (or the sink) that throws never changes the call's outcome. */
  emit(event: TEvent): void {
    this.byType.get(event.type)?.emit(event);
    this.everyEvent.emit(event);
  }
}
