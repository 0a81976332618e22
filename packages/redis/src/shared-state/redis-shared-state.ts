import {
  type Disposable,
  type SharedBreakerView,
  type SharedRateLimitCommand,
  type SharedRateLimitLimits,
  type SharedRateLimitResult,
  type SharedState,
  systemClock,
} from '@resilient-llm/policies';
import { BreakerChanges } from './breaker-changes';
import { breakerArguments } from './breaker-script';
import { parseBreakerView } from './breaker-view';
import { closeBreakerLua, leaseProbeLua, openBreakerLua } from './lua/breaker-lua';
import { rateLimitLua } from './lua/rate-limit-lua';
import { LuaScript } from './lua-script';
import { rateLimitArguments, rateLimitResult } from './rate-limit-script';
import {
  assertRedisSharedStateOptions,
  defaultRedisSharedStateOptions,
  type RedisSharedStateOptions,
} from './redis-shared-state-options';
import { withOperationTimeout } from './with-operation-timeout';

/** A {@link SharedState} on Redis, with every method present. */
export interface RedisSharedState extends Required<SharedState> {
  /** Tells `listener` every breaker change of the fleet, once the subscription is live. */
  onBreakerChange(listener: (key: string, view: SharedBreakerView) => void): Promise<Disposable>;
  /**
   * Waits for the operations in flight (each bounded by `operationTimeoutMs`: a breaker that
   * opened just before shutdown still tells the fleet), then closes the breaker-change
   * subscription (not the client you passed: quit it after this resolves).
   */
  close(): Promise<void>;
}

/** The channel breaker changes are published on, after the key prefix. */
const breakerChannelName = 'breaker-changes';

/**
 * The state a fleet shares on Redis: rate limits (one `EVALSHA` per list of commands, running the
 * policies' bucket model in Lua on the state under `keyPrefix + key`) and circuit breakers
 * (an open period no process shortens, and a half-open probe lease exactly one process
 * wins), each key expiring on its own. Breaker changes are published from the scripts and
 * heard on one subscription (`client.duplicate()`), opened by the first `onBreakerChange`.
 * Keys are the prefix and the key the caller gives (a target id); values hold numbers only.
 * Scripts are loaded once with `SCRIPT LOAD`, and again after `NOSCRIPT`. An operation
 * rejects when Redis fails, or with a `TimeoutError` (phase `shared-state`) after
 * `operationTimeoutMs`.
 */
export function redisSharedState(options: RedisSharedStateOptions): RedisSharedState {
  assertRedisSharedStateOptions(options);
  const {
    client,
    keyPrefix = defaultRedisSharedStateOptions.keyPrefix,
    operationTimeoutMs = defaultRedisSharedStateOptions.operationTimeoutMs,
    clock = systemClock,
  } = options;
  const scripts = {
    rateLimit: new LuaScript(rateLimitLua),
    openBreaker: new LuaScript(openBreakerLua),
    leaseProbe: new LuaScript(leaseProbeLua),
    closeBreaker: new LuaScript(closeBreakerLua),
  };
  const channel = keyPrefix + breakerChannelName;
  const inFlight = new Set<Promise<unknown>>();
  const bounded = <T>(answer: Promise<T>) => {
    const operation = withOperationTimeout(answer, operationTimeoutMs, clock);
    inFlight.add(operation);
    const forget = () => inFlight.delete(operation);
    operation.then(forget, forget);
    return operation;
  };
  const changes = new BreakerChanges(client, channel, bounded);
  const runBreaker = (script: LuaScript, key: string, now: number, untilMs: number) =>
    bounded(script.run(client, [keyPrefix + key], breakerArguments(now, channel, key, untilMs)));

  return {
    async rateLimit(
      key: string,
      limits: SharedRateLimitLimits,
      commands: readonly SharedRateLimitCommand[],
      now: number,
    ): Promise<SharedRateLimitResult> {
      const args = rateLimitArguments(limits, commands, now);
      const reply = await bounded(scripts.rateLimit.run(client, [keyPrefix + key], args));
      return rateLimitResult(reply);
    },
    async readBreaker(key, now) {
      return parseBreakerView(await bounded(client.get(keyPrefix + key)), now);
    },
    async openBreaker(key, untilMs, now) {
      const reply = await runBreaker(scripts.openBreaker, key, now, untilMs);
      return parseBreakerView(Array.isArray(reply) ? reply.join(' ') : undefined, now);
    },
    async leaseProbe(key, untilMs, now) {
      return Number(await runBreaker(scripts.leaseProbe, key, now, untilMs)) === 1;
    },
    async closeBreaker(key, now) {
      await runBreaker(scripts.closeBreaker, key, now, 0);
    },
    onBreakerChange: (listener) => changes.listen(listener),
    async close() {
      await Promise.allSettled([...inFlight]);
      await changes.close();
    },
  };
}
