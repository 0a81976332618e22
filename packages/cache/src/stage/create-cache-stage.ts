import { newEntry } from '../entry/new-entry';
import type { CacheBypassReason } from './cache-event';
import { CacheEventHub } from './cache-event-hub';
import type { CacheStage } from './cache-stage';
import type { CacheStageOptions } from './cache-stage-options';
import { emptyCacheStats } from './cache-stats';
import { EntryAccess } from './entry-access';
import { createFlight, type Flight, type FlightResult } from './flight';
import { hitOutcome } from './hit-outcome';
import type {
  CacheableOutcome,
  CacheCallContext,
  CacheCallInput,
  CacheHitOutcome,
  ResponseOf,
} from './pipeline-shapes';
import { type CallPlan, planCall } from './plan-call';
import { prepareCacheStageOptions } from './prepare-cache-stage-options';
import { recordStream } from './record-stream';
import { StoreBreaker } from './store-breaker';
import { untilAborted } from './until-aborted';

/**
 * Builds the cache stage for `createResilientModel({ stages: [cache, ...] })`. List it first
 * so a hit skips every other stage. Per call:
 *
 * 1. control (`withCacheControl` or the `control` option): skip, refresh, TTL, namespace;
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
 */
export function createCacheStage<TTarget, TRequest, TResponse, TPart>(
  options: CacheStageOptions<TTarget, TRequest, TPart>,
): CacheStage<TRequest, TResponse, TPart> {
  const prepared = prepareCacheStageOptions(options);
  const { name, partRole } = prepared;
  const events = new CacheEventHub();
  const stats = emptyCacheStats();
  const breaker = prepared.storeBreaker
    ? new StoreBreaker(prepared.storeBreaker, (state) => {
        if (events.wants('store-breaker')) events.emit({ type: 'store-breaker', state });
      })
    : undefined;
  const access = new EntryAccess({ ...prepared, breaker }, events, stats);
  const flights = new Map<string, Flight>();
  const revalidating = new Set<string>();

  function bypass(reason: CacheBypassReason, error?: unknown): undefined {
    stats.bypassed += 1;
    if (events.wants('bypass')) events.emit({ type: 'bypass', reason, error });
    return undefined;
  }

  /** Sends the call upstream and stores its answer; settles `flight` for identical calls. */
  async function fetchAndStore<TOutcome extends CacheableOutcome<unknown, TResponse, TPart>>(
    plan: CallPlan,
    request: TRequest,
    context: CacheCallContext,
    next: (request: TRequest) => Promise<TOutcome>,
    flight: Flight | undefined,
  ): Promise<TOutcome> {
    let outcome: TOutcome;
    try {
      outcome = await next(request);
    } catch (error) {
      // Identical calls must not fail because this caller gave up: they try again.
      if (context.signal.aborted) flight?.resolve({ type: 'retry' });
      else flight?.reject(error);
      throw error;
    }
    if (outcome.mode === 'generate') {
      const response = prepared.storedResponse(outcome.response);
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
    const stream = recordStream(outcome.stream, partRole!, (recording) => {
      context.signal.removeEventListener('abort', stopWaiting);
      if (!recording) {
        access.skip(plan.key, 'incomplete-stream');
        flight?.resolve({ type: 'retry' });
        return;
      }
      const parts = recording.parts.map(prepared.storedPart);
      const entry = newEntry(plan, context.clock.now(), { parts, usage: recording.usage });
      const text = access.write(plan.key, entry, context.clock);
      flight?.resolve(text === undefined ? { type: 'retry' } : { type: 'entry', entry, text });
    });
    return { ...outcome, stream };
  }

  function revalidate<TOutcome extends CacheableOutcome<unknown, TResponse, TPart>>(
    plan: CallPlan,
    request: TRequest,
    context: CacheCallContext,
    next: (request: TRequest) => Promise<TOutcome>,
  ): void {
    if (revalidating.has(plan.key)) return;
    revalidating.add(plan.key);
    void (async () => {
      try {
        const outcome = await fetchAndStore(plan, request, context, next, undefined);
        if (outcome.mode === 'stream') for await (const _ of outcome.stream);
        if (events.wants('revalidate')) events.emit({ type: 'revalidate', key: plan.key });
      } catch (error) {
        if (events.wants('revalidate')) events.emit({ type: 'revalidate', key: plan.key, error });
      } finally {
        revalidating.delete(plan.key);
      }
    })();
  }

  /** The first of identical calls: looks the key up, then goes upstream on a miss. */
  async function lead<TOutcome extends CacheableOutcome<unknown, TResponse, TPart>>(
    plan: CallPlan,
    request: TRequest,
    context: CacheCallContext,
    next: (request: TRequest) => Promise<TOutcome>,
    flight: Flight | undefined,
    lookUp: boolean,
  ): Promise<TOutcome | CacheHitOutcome<TResponse, TPart>> {
    if (lookUp) {
      const found = await access.read(plan.key, context.mode, context.clock);
      if (found) {
        const stale = context.clock.now() >= found.entry.freshUntil;
        stats.hits += 1;
        stats.bytesRead += found.bytes;
        if (stale) stats.staleHits += 1;
        if (events.wants('hit'))
          events.emit({ type: 'hit', key: plan.key, bytes: found.bytes, stale });
        if (stale) revalidate(plan, request, context, next);
        flight?.resolve({ type: 'entry', entry: found.entry, text: found.text });
        return hitOutcome<TResponse, TPart>(found.entry, name);
      }
      stats.misses += 1;
      if (events.wants('miss')) events.emit({ type: 'miss', key: plan.key });
    }
    return fetchAndStore(plan, request, context, next, flight);
  }

  /** What a call that waited on an identical one gets from its result. */
  function follow<TOutcome>(
    result: Exclude<FlightResult, { type: 'retry' }>,
  ): TOutcome | CacheHitOutcome<TResponse, TPart> {
    if (result.type === 'entry') return hitOutcome(access.decode(result.text), name);
    const outcome = result.outcome as TOutcome & { response: TResponse };
    if (result.text === undefined) return { ...outcome, attempts: 0 };
    const copy = access.decode(result.text);
    const response = copy.kind === 'generate' ? (copy.response as TResponse) : outcome.response;
    return { ...outcome, response, attempts: 0 };
  }

  async function wrapCall<TOutcome extends CacheableOutcome<unknown, TResponse, TPart>>({
    request,
    context,
    next,
  }: CacheCallInput<TRequest, TOutcome>): Promise<
    TOutcome | CacheHitOutcome<ResponseOf<TOutcome>, TPart>
  > {
    // A hit carries what a miss stored: the response of an outcome of this same pipeline.
    type Answer = TOutcome | CacheHitOutcome<ResponseOf<TOutcome>, TPart>;
    const callPlan = await planCall(request, context, prepared, bypass);
    if (!callPlan) return next(request);
    const refresh = prepared.controlOf(request)?.refresh === true;
    let joined = false;
    for (;;) {
      const inFlight = refresh ? undefined : flights.get(callPlan.key);
      if (!inFlight) {
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
          return (await lead(callPlan, request, context, next, flight, !refresh)) as Answer;
        } catch (error) {
          flight?.reject(error);
          throw error;
        }
      }
      if (!joined) {
        joined = true;
        stats.shared += 1;
        if (events.wants('shared')) events.emit({ type: 'shared', key: callPlan.key });
      }
      const result = await untilAborted(inFlight.promise, context.signal);
      if (result.type === 'retry') {
        if (context.signal.aborted) throw context.signal.reason;
        continue;
      }
      return follow<TOutcome>(result) as Answer;
    }
  }

  return {
    name,
    wrapCall,
    on: (type, listener) => events.on(type, listener),
    stats: () => ({ ...stats }),
  };
}
