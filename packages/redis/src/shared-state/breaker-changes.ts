import type { Disposable, SharedBreakerView } from '@resilient-llm/policies';
import { EventEmitter } from '@resilient-llm/policies/internal';
import { parseBreakerChange } from './breaker-view';
import type { RedisSharedStateClient, RedisSubscriberClient } from './redis-shared-state-options';

type BreakerChangeListener = (key: string, view: SharedBreakerView) => void;

/**
 * The breaker changes every process publishes, told to the listeners of this one: one
 * subscription on a duplicate of the client, opened with the first listener (a failed or
 * slow one is closed, and the next listener tries again) and closed by {@link close}.
 */
export class BreakerChanges {
  private emitter = new EventEmitter<{ key: string; view: SharedBreakerView }>();
  private subscription: Promise<RedisSubscriberClient> | undefined;

  constructor(
    private readonly client: RedisSharedStateClient,
    private readonly channel: string,
    private readonly bounded: <T>(answer: Promise<T>) => Promise<T>,
  ) {}

  /** Adds `listener` once the subscription is live. */
  async listen(listener: BreakerChangeListener): Promise<Disposable> {
    await this.subscribe();
    return this.emitter.event(({ key, view }) => listener(key, view));
  }

  /** Closes the subscription and forgets its listeners; listeners added later open a new one. */
  async close(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    this.emitter = new EventEmitter();
    const subscriber = await subscription?.catch(() => undefined);
    if (subscriber) destroyQuietly(subscriber);
  }

  private subscribe(): Promise<RedisSubscriberClient> {
    if (this.subscription) return this.subscription;
    const subscriber = this.client.duplicate();
    // The duplicate reconnects and subscribes again by itself; its errors are not the caller's.
    subscriber.on('error', () => {});
    const deliver = (message: string) => {
      const change = parseBreakerChange(message);
      if (change) this.emitter.emit(change);
    };
    const subscription = this.bounded(
      subscriber.connect().then(() => subscriber.subscribe(this.channel, deliver)),
    ).then(
      () => subscriber,
      (error: unknown) => {
        if (this.subscription === subscription) this.subscription = undefined;
        destroyQuietly(subscriber);
        throw error;
      },
    );
    this.subscription = subscription;
    return subscription;
  }
}

/** Closes a connection at once; node-redis 5 throws when it is closed already. */
function destroyQuietly(subscriber: RedisSubscriberClient): void {
  try {
    subscriber.destroy();
  } catch {
    // Closed already: nothing is left to release.
  }
}
