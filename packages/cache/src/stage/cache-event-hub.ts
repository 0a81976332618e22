import type { Disposable } from '@resilient-llm/policies';
import { EventEmitter } from '@resilient-llm/policies/internal';
import type { CacheEvent, CacheEventOf, CacheEventType } from './cache-event';

/** Typed listeners per event type; an event nobody listens to is never built. */
export class CacheEventHub {
  private readonly emitters = new Map<CacheEventType, EventEmitter<CacheEvent>>();

  /** Subscribes to one type of event. */
  on<TType extends CacheEventType>(
    type: TType,
    listener: (event: CacheEventOf<TType>) => void,
  ): Disposable {
    let emitter = this.emitters.get(type);
    if (!emitter) {
      emitter = new EventEmitter<CacheEvent>();
      this.emitters.set(type, emitter);
    }
    return emitter.event(listener as (event: CacheEvent) => void);
  }

  /** True when someone listens to `type`. */
  wants(type: CacheEventType): boolean {
    return this.emitters.get(type)?.hasListeners ?? false;
  }

  /** Sends `event` to its listeners; a listener that throws changes nothing. */
  emit(event: CacheEvent): void {
    this.emitters.get(event.type)?.emit(event);
  }
}
