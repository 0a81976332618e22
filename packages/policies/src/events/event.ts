/** Returned by a subscription; `dispose()` stops the listener. */
export interface Disposable {
  dispose(): void;
}

/**
 * Subscribes a listener to a typed event, cockatiel style: `policy.onRetry(listener)`.
 * @typeParam T The value each listener receives.
 */
export type Event<T> = (listener: (value: T) => void) => Disposable;

/**
 * A typed event source. Emitting with no listener costs one length check, so events can sit
 * on hot paths. A listener that throws never changes the outcome of the call that emitted.
 */
export class EventEmitter<T> {
  private listeners: Array<(value: T) => void> = [];

  /** Subscribe to this event. */
  readonly event: Event<T> = (listener) => {
    this.listeners = [...this.listeners, listener];
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((existing) => existing !== listener);
      },
    };
  };

  /** True when at least one listener is subscribed; check it before building costly payloads. */
  get hasListeners(): boolean {
    return this.listeners.length > 0;
  }

  /** Calls every listener with `value`. */
  emit(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch {
        // Observers must not break the call they observe.
      }
    }
  }
}
