import type { CallContext, CallOutcome, WrapCallInput } from '@resilient-llm/core';
import { EventHub } from '@resilient-llm/core/internal';
import { newEntry } from '../entry/new-entry';
import { assertCacheControl } from './cache-control';
import type { CacheBypassReason, CacheEvent } from './cache-event';
import type { CacheStage } from './cache-stage';
import type { CacheStageOptions } from './cache-stage-options';
import { CacheStageWiring } from './cache-stage-wiring';
import { emptyCacheStats } from './cache-stats';
import { EntryAccess, type FoundEntry } from './entry-access';
import { createFlight, type Flight, type FlightResult } from './flight';
import { hitOutcome } from './hit-outcome';
import { type CallPlan, planCall } from './plan-call';
import { prepareCacheStageOptions } from './prepare-cache-stage-options';
import { recordStream } from './record-stream';
import { StoreBreaker } from './store-breaker';
import { untilAborted } from './until-aborted';
import type { CacheWiring } from './wire-cache-stage';

/** What a call produced, as the stage handles it whatever the model's target and response types. */
type Outcome<TPart> = CallOutcome<unknown, unknown, TPart>;
/** Runs the rest of the call. */
type Next<TRequest, TPart> = (request: TRequest) => Promise<Outcome<TPart>>;

/**
 * Builds the cache stage for `createResilientModel({ stages: [cache, ...] })`. List it first
 * so a hit skips every other stage. In a model it needs only `store`: at setup it takes the
 * model's binding (key material, scope, stream roles, what to store) and first target, and
 * its events join the model's event stream as `cache-*` stage events. Per call:
 *
 * 1. control (the `cache` per-call option, else the `control` option): skip, refresh, TTL,
 *    namespace;
 * 2. key: SHA-256 of namespace, target identity, endpoint, an HMAC of the credentials, mode
 *    and the request's key material;
 * 3. an identical call in flight is joined (single-flight): its answer or its error is shared;
 * 4. a fresh entry answers at once; a stale one (within `staleWhileRevalidateMs`) answers at
 *    once while one background call refreshes it;
 * 5. otherwise the call goes upstream; what a replay needs of its answer (the binding's
 *    `cacheResponse`, `cachePart`) is stored, encrypted with `encryptionKey` if given, a
 *    stream only once it ended normally with its finish part.
 *
 * A store that fails, times out or holds a corrupt entry never fails the call; after a few
 * failures in a row the store breaker skips the store for a cool-down.
 * @typeParam TTarget What a target is for the binding (an OpenAI client and model, an AI SDK
 * model), inferred from `options.binding` and `options.target` (`unknown` without them).
 * @typeParam TRequest The request the binding's SDK takes (OpenAI chat or responses params, AI SDK
 * call options), inferred from `options.binding` or `options.keyOf` (`unknown`, any request,
 * without them).
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part), inferred from `options.binding` (`unknown`, any part, without it).
 */
export function createCacheStage<TTarget, TRequest, TPart>(
  options: CacheStageOptions<TTarget, TRequest, TPart>,
): CacheStage<TRequest, TPart> {
  const prepared = prepareCacheStageOptions(options);
  const { name } = prepared;
  const wiring = new CacheStageWiring(prepared);
  // The stage's own listeners; from setup on, every event goes on into the model's stream.
  const events = new EventHub<CacheEvent>();
  const stats = emptyCacheStats();
  const breaker = prepared.storeBreaker
    ? new StoreBreaker(prepared.storeBreaker, (state) => {
        if (events.wants('cache-store-breaker'))
          events.emit({ type: 'cache-store-breaker', stage: name, state });
      })
    : undefined;
  const access = new EntryAccess({ ...prepared, breaker }, events, stats);
  const flights = new Map<string, Flight>();
  const revalidating = new Set<string>();

  function bypass(reason: CacheBypassReason, error?: unknown): undefined {
    stats.bypassed += 1;
    if (events.wants('cache-bypass'))
      events.emit({ type: 'cache-bypass', stage: name, reason, error });
    return undefined;
  }

  /** Sends the call upstream and stores its answer; settles `flight` for identical calls. */
  async function fetchAndStore(
    plan: CallPlan,
    wired: CacheWiring<TRequest, TPart>,
    request: TRequest,
    context: CallContext,
    next: Next<TRequest, TPart>,
    flight: Flight | undefined,
  ): Promise<Outcome<TPart>> {
    let outcome: Outcome<TPart>;
    try {
      outcome = await next(request);
    } catch (error) {
      // Identical calls must not fail because this caller gave up: they try again.
      if (context.signal.aborted) flight?.resolve({ type: 'retry' });
      else flight?.reject(error);
      throw error;
    }
    if (outcome.mode === 'generate') {
      const response = wired.storedResponse(outcome.response);
      const text = access.write(
        plan.key,
        newEntry(plan, context.clock.now(), { response }),
        context.clock,
      );
      flight?.resolve({ type: 'outcome', outcome, text });
      return outcome;
    }
    // Identical calls wait for the recording; if this caller gives up on its stream (its
    // signal or deadline fires) before reading it to the end, they stop waiting for it.
    const stopWaiting = () => flight?.resolve({ type: 'retry' });
    context.signal.addEventListener('abort', stopWaiting, { once: true });
    const stream = recordStream(outcome.stream, wired.partRole!, (recording) => {
      context.signal.removeEventListener('abort', stopWaiting);
      if (!recording) {
        access.skip(plan.key, 'incomplete-stream');
        flight?.resolve({ type: 'retry' });
        return;
      }
      const parts = recording.parts.map(wired.storedPart);
      const opened =
        recording.opened === undefined ? undefined : wired.storedOpened(recording.opened);
      const entry = newEntry(plan, context.clock.now(), { parts, usage: recording.usage, opened });
      const text = access.write(plan.key, entry, context.clock);
      flight?.resolve(text === undefined ? { type: 'retry' } : { type: 'entry', entry, text });
    });
    return { ...outcome, stream };
  }

  function revalidate(
    plan: CallPlan,
    wired: CacheWiring<TRequest, TPart>,
    request: TRequest,
    context: CallContext,
    next: Next<TRequest, TPart>,
  ): void {
    if (revalidating.has(plan.key)) return;
    revalidating.add(plan.key);
    const { key } = plan;
    void (async () => {
      try {
        const outcome = await fetchAndStore(plan, wired, request, context, next, undefined);
        if (outcome.mode === 'stream') for await (const _ of outcome.stream);
        if (events.wants('cache-revalidate'))
          events.emit({ type: 'cache-revalidate', stage: name, key });
      } catch (error) {
        if (events.wants('cache-revalidate'))
          events.emit({ type: 'cache-revalidate', stage: name, key, error });
      } finally {
        revalidating.delete(plan.key);
      }
    })();
  }

  /** Answers from an entry found under the plan's key; a stale one is refreshed behind. */
  function served(
    found: FoundEntry,
    plan: CallPlan,
    wired: CacheWiring<TRequest, TPart>,
    request: TRequest,
    context: CallContext,
    next: Next<TRequest, TPart>,
    flight: Flight | undefined,
  ): Outcome<TPart> {
    const stale = context.clock.now() >= found.entry.freshUntil;
    stats.hits += 1;
    stats.bytesRead += found.bytes;
    if (stale) stats.staleHits += 1;
    if (events.wants('cache-hit'))
      events.emit({ type: 'cache-hit', stage: name, key: plan.key, bytes: found.bytes, stale });
    if (stale) revalidate(plan, wired, request, context, next);
    flight?.resolve({ type: 'entry', entry: found.entry, text: found.text });
    return hitOutcome(found.entry, name);
  }

  /**
   * The first of identical calls: answers from what the store read found (none on a
   * refresh), else goes upstream.
   */
  async function lead(
    plan: CallPlan,
    wired: CacheWiring<TRequest, TPart>,
    request: TRequest,
    context: CallContext,
    next: Next<TRequest, TPart>,
    flight: Flight | undefined,
    reading: Promise<FoundEntry | undefined> | undefined,
  ): Promise<Outcome<TPart>> {
    if (!plan.refresh) {
      const found = await reading;
      if (found) return served(found, plan, wired, request, context, next, flight);
      stats.misses += 1;
      if (events.wants('cache-miss'))
        events.emit({ type: 'cache-miss', stage: name, key: plan.key });
    }
    return fetchAndStore(plan, wired, request, context, next, flight);
  }

  /** What a call that waited on an identical one gets from its result. */
  function follow(result: Exclude<FlightResult, { type: 'retry' }>): Outcome<TPart> {
    if (result.type === 'entry') return hitOutcome(access.decode(result.text), name);
    const outcome = result.outcome as Outcome<TPart> & { mode: 'generate' };
    if (result.text === undefined) return { ...outcome, attempts: 0 };
    const copy = access.decode(result.text);
    const response = copy.kind === 'generate' ? copy.response : outcome.response;
    return { ...outcome, response, attempts: 0 };
  }

  async function wrapCall({
    request,
    context,
    next,
  }: WrapCallInput<unknown, TRequest, unknown, TPart>): Promise<Outcome<TPart>> {
    const wired = wiring.current();
    const planned = planCall(request, context, prepared, wired, bypass);
    const callPlan = planned instanceof Promise ? await planned : planned;
    if (!callPlan) return next(request);
    const { refresh } = callPlan;
    let joined = false;
    for (;;) {
      const inFlight = refresh ? undefined : flights.get(callPlan.key);
      if (!inFlight) {
        const found = refresh ? undefined : access.read(callPlan.key, context.mode, context.clock);
        // A synchronous hit needs no flight: no identical call can have come in meanwhile.
        if (found !== undefined && !(found instanceof Promise))
          return served(found, callPlan, wired, request, context, next, undefined);
        const flight = flights.has(callPlan.key) ? undefined : createFlight();
        if (flight) {
          flights.set(callPlan.key, flight);
          void flight.promise
            .catch(() => {})
            .finally(() => {
              if (flights.get(callPlan.key) === flight) flights.delete(callPlan.key);
            });
        }
        try {
          return await lead(callPlan, wired, request, context, next, flight, found);
        } catch (error) {
          flight?.reject(error);
          throw error;
        }
      }
      if (!joined) {
        joined = true;
        stats.shared += 1;
        if (events.wants('cache-shared'))
          events.emit({ type: 'cache-shared', stage: name, key: callPlan.key });
      }
      const result = await untilAborted(inFlight.promise, context.signal);
      if (result.type === 'retry') {
        if (context.signal.aborted) throw context.signal.reason;
        continue;
      }
      return follow(result);
    }
  }

  return {
    name,
    callOptions: { cache: (value, field) => assertCacheControl(value, field) },
    setup(model) {
      // The model's requests and parts are the stage's or narrower. Its targets are keyed by
      // only when the stage has no `binding` + `target` of its own, which typed TTarget.
      wiring.setup(model as unknown as Parameters<typeof wiring.setup>[0]);
      events.forwardTo(model.events);
    },
    // A hit answers with what a miss of the same model stored: its response type.
    wrapCall: wrapCall as CacheStage<TRequest, TPart>['wrapCall'],
    on: (type, listener) => events.on(type, listener),
    stats: () => ({ ...stats }),
  };
}
