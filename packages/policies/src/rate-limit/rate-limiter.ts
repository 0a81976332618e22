import { RateLimitWaitTooLongError } from '../errors/rate-limit-wait-too-long-error';
import { EventEmitter } from '../events/event';
import { neverAbortedSignal } from '../policy/never-aborted-signal';
import type { Policy, PolicyFunction } from '../policy/policy';
import { DeadlineQueue, type DeadlineQueueEntry } from '../queue/deadline-queue';
import { saveState } from '../store/save-state';
import { abortError, onAbort, throwIfAborted } from '../time/abort';
import { RearmableTimer } from '../time/rearmable-timer';
import { assertNumber } from '../validation/validate';
import { JitterReserve } from './jitter-reserve';
import { ObservedWindows } from './observed-windows';
import {
  prepareRateLimiterOptions,
  type RateLimiterSettings,
} from './prepare-rate-limiter-options';
import { RateLimitBuckets } from './rate-limit-buckets';
import type { RateLimitPermit } from './rate-limit-permit';
import {
  type AcquireOptions,
  defaultAcquireOptions,
  type RateLimitedReport,
  type RateLimiterExecuteOptions,
  type RateLimiterOptions,
  type RateLimitObservation,
} from './rate-limiter-options';
import type { RateLimiterSnapshot } from './rate-limiter-snapshot';

/**
 * A caller waiting for a permit: a class, not closures, so that a long queue costs one small
 * object per waiter beside its promise.
 */
class Waiter {
  /** Its place in the queue, set when it joins. */
  place: DeadlineQueueEntry<Waiter> | undefined = undefined;
  /** Stops listening to the caller's signal; set when it has one. */
  stopListening: (() => void) | undefined = undefined;

  constructor(
    readonly tokens: number,
    readonly latestGrantAt: number,
    private readonly resolve: (permit: RateLimitPermit) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  grant(permit: RateLimitPermit): void {
    this.stopListening?.();
    this.resolve(permit);
  }

  refuse(error: unknown): void {
    this.stopListening?.();
    this.reject(error);
  }
}

/**
 * Paces calls to stay under requests-per-window and tokens-per-window limits (buckets that
 * refill continuously or per fixed window, see `windowKind`). Waiters are served first in,
 * first out, so a large request at the head is not starved by small ones; waits are abortable
 * and refused up front when longer than `maxWaitMs`. Adaptive: `observe` folds in what
 * response headers say (and, when no `windowMs` is configured, infers the window's length and
 * kind from consecutive reports), and `reportRateLimited` learns from a 429 and stops every
 * waiter until the server's delay has passed. Some requests are kept back for the spread
 * between a grant and its arrival (see `JitterReserve`): the refill credited while granted
 * requests are unanswered (call a permit's `answered` when the response's headers arrive;
 * `settle`, `release` and `execute` do it for you), and a reserve learned from 429s.
 */
export class RateLimiter implements Policy {
  private readonly settings: RateLimiterSettings;
  private readonly buckets: RateLimitBuckets;
  private readonly reserve = new JitterReserve();
  private readonly windows: ObservedWindows;
  /** Weighed by tokens, by `latestGrantAt` as deadline; its total weight is the tokens queued. */
  private readonly queue = new DeadlineQueue<Waiter>();
  /** Serves the head of the queue when it is due; armed only while callers wait. */
  private readonly drainTimer: RearmableTimer;
  private readonly rejectEmitter = new EventEmitter<RateLimitWaitTooLongError>();
  private readonly pauseEmitter = new EventEmitter<{ untilMs: number }>();
  private readonly storeErrorEmitter = new EventEmitter<unknown>();

  /** Fires when a caller is refused because its wait would be too long. */
  readonly onReject = this.rejectEmitter.event;
  /** Fires when `pause` or `pauseUntil` extends the pause; `untilMs` is epoch milliseconds. */
  readonly onPause = this.pauseEmitter.event;
  /** Fires when the store fails to save; the limiter goes on from memory. */
  readonly onStoreError = this.storeErrorEmitter.event;

  constructor(options: RateLimiterOptions = {}) {
    this.settings = prepareRateLimiterOptions(options);
    const { requestsPerWindow, tokensPerWindow, windowMs, windowKind, clock } = this.settings;
    this.windows = new ObservedWindows(options.windowMs !== undefined, windowKind);
    this.buckets = new RateLimitBuckets(
      requestsPerWindow,
      tokensPerWindow,
      windowMs,
      clock,
      windowKind === 'fixed' ? 'fixed-window' : 'continuous',
    );
    this.drainTimer = new RearmableTimer(() => this.drain(), clock);
  }

  /**
   * Runs `fn` once a permit is granted, then settles the permit with the tokens it used.
   *
   * @typeParam T What `fn` resolves with, inferred from `fn`; `execute` resolves with it too.
   */
  async execute<T>(
    fn: PolicyFunction<T>,
    signal?: AbortSignal,
    options?: RateLimiterExecuteOptions<T>,
  ): Promise<T> {
    const tokens = options?.tokens ?? defaultAcquireOptions.tokens;
    // The common case takes its permit synchronously; the permit tells when the answer came.
    const permit = this.take(tokens)
      ? this.createPermit(tokens)
      : await this.acquire({ tokens, signal });
    let result: T;
    try {
      result = await fn({ signal: signal ?? neverAbortedSignal() });
    } catch (error) {
      permit.answered();
      throw error;
    }
    permit.settle(options?.tokensUsed?.(result) ?? tokens);
    return result;
  }

  /** Grants a permit at once if one is free and nobody waits; `undefined` otherwise. */
  tryAcquire(tokens: number = defaultAcquireOptions.tokens): RateLimitPermit | undefined {
    assertNumber('tokens', tokens);
    return this.take(tokens) ? this.createPermit(tokens) : undefined;
  }

  /**
   * Waits for a permit for one request of `tokens` tokens. Rejects at once with
   * `RateLimitWaitTooLongError` when the expected wait exceeds `maxWaitMs` (or later, if a
   * pause makes it exceed), and with `AbortedError` when `signal` fires.
   */
  acquire({
    tokens = defaultAcquireOptions.tokens,
    signal,
    maxWaitMs = this.settings.maxWaitMs,
  }: AcquireOptions = {}): Promise<RateLimitPermit> {
    try {
      assertNumber('tokens', tokens);
      assertNumber('maxWaitMs', maxWaitMs, { allowInfinity: true });
      throwIfAborted(signal);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.take(tokens)) return Promise.resolve(this.createPermit(tokens));
    const waitMs = this.expectedWaitMs(tokens);
    if (waitMs > maxWaitMs) return Promise.reject(this.refusal(waitMs, maxWaitMs));
    return new Promise<RateLimitPermit>((resolve, reject) => {
      const latestGrantAt = this.settings.clock.now() + maxWaitMs;
      const waiter = new Waiter(tokens, latestGrantAt, resolve, reject);
      if (signal)
        waiter.stopListening = onAbort(signal, () => {
          this.remove(waiter);
          waiter.refuse(abortError(signal));
          this.drain();
        });
      waiter.place = this.queue.push(waiter, tokens, latestGrantAt);
      this.drain();
    });
  }

  /**
   * Milliseconds a request of `tokens` tokens made now would wait (0 when it would be granted
   * at once): use it to skip a target whose wait exceeds your budget. An estimate when both
   * limits bind.
   */
  expectedWaitMs(tokens: number = defaultAcquireOptions.tokens): number {
    const now = this.buckets.refill();
    const tokensAhead = this.queue.totalWeight + this.buckets.needed(tokens);
    return this.buckets.waitMs(this.queue.length + 1, tokensAhead, now, this.reserveRequests());
  }

  /** Grants nothing for `forMs` milliseconds from now (e.g. a 429's server delay). Never shortens a pause. */
  pause(forMs: number): void {
    this.pauseUntil(this.settings.clock.now() + Math.max(0, forMs));
  }

  /** Grants nothing until epoch milliseconds `untilMs`; every waiter waits, not only the caller that got the 429. */
  pauseUntil(untilMs: number): void {
    if (!this.extendPause(untilMs)) return;
    this.save();
    this.drain();
  }

  /**
   * Folds in a 429. With `windowKind: 'auto'` the limiter learns from it first: a drip let this
   * request out before the server had room, so from now on nothing is given back between a
   * report and its reset, and when the 429's reset comes sooner than a continuous bucket could
   * fill, the server counts fixed windows. Then what its headers reported; then a pause of every
   * waiter for `retryAfterMs`.
   */
  reportRateLimited({ retryAfterMs, observation }: RateLimitedReport = {}): void {
    const inferred = observation && this.withInferredWindows(observation);
    if (this.settings.windowKind === 'auto') this.buckets.learnFromRefusal(inferred);
    if (inferred) this.buckets.observe(inferred);
    this.reserve.onRateLimited(this.buckets.requestCapacity);
    if (retryAfterMs !== undefined && retryAfterMs > 0) {
      this.extendPause(this.settings.clock.now() + retryAfterMs);
    }
    this.save();
    this.drain();
  }

  /**
   * Folds in rate-limit state a response reported; it only ever makes the limiter stricter.
   * Returns the observation as folded in: with each window's length as the limiter inferred
   * it from the reports so far (unless `windowMs` was configured).
   */
  observe(observation: RateLimitObservation): RateLimitObservation {
    const inferred = this.withInferredWindows(observation);
    this.buckets.observe(inferred);
    this.save();
    this.drain();
    return inferred;
  }

  /**
   * Whether the limiter counts fixed windows now: whole at each reset, nothing between. True
   * with `windowKind: 'fixed'`, and with `'auto'` once the reports or a 429 showed fixed windows.
   */
  get countsFixedWindows(): boolean {
    return this.buckets.countsFixedWindows;
  }

  /** The state as a plain JSON-serialisable object. */
  snapshot(): RateLimiterSnapshot {
    return this.buckets.snapshot();
  }

  /** Replaces the state with a snapshot; waiters stay queued and are re-timed. */
  restore(snapshot: RateLimiterSnapshot): void {
    this.buckets.restore(snapshot);
    this.drain();
  }

  /** Loads the state from the store, if one is configured and holds state for this key. */
  async hydrate(): Promise<void> {
    const { store, key } = this.settings;
    const snapshot = store ? await store.load(key) : undefined;
    if (snapshot) this.restore(snapshot);
  }

  /** The observation as {@link ObservedWindows.fold} folds it in. */
  private withInferredWindows(observation: RateLimitObservation): RateLimitObservation {
    return this.windows.fold(observation, this.buckets, this.settings.clock.now());
  }

  private extendPause(untilMs: number): boolean {
    if (!this.buckets.pauseUntil(untilMs)) return false;
    this.pauseEmitter.emit({ untilMs });
    return true;
  }

  /** Takes a request and `tokens` tokens if nobody waits and both buckets hold enough. */
  private take(tokens: number): boolean {
    const now = this.buckets.refill();
    if (this.queue.length > 0 || !this.buckets.fits(tokens, now, this.reserveRequests()))
      return false;
    this.consume(tokens);
    return true;
  }

  private consume(tokens: number): void {
    this.buckets.consume(tokens);
    this.reserve.onGrant(this.buckets.requestCapacity);
  }

  /** Requests kept back for the spread between a grant and its count (see {@link JitterReserve}). */
  private reserveRequests(): number {
    // A fixed window is whole at the reset the server reported, which the local reset (the
    // report's arrival plus its reset) never precedes: nothing a report missed is forgotten.
    if (this.buckets.countsFixedWindows) return 0;
    const { requestCapacity, requestRatePerMs } = this.buckets;
    return this.reserve.requests(requestCapacity, requestRatePerMs, this.settings.clock.now());
  }

  /** Grants what can be granted, refuses waiters a pause pushed past their limit, re-arms the timer. */
  private drain(): void {
    const now = this.buckets.refill();
    while (
      this.queue.length > 0 &&
      this.buckets.fits(this.queue.peek()!.tokens, now, this.reserveRequests())
    ) {
      const waiter = this.queue.shift()!;
      this.consume(waiter.tokens);
      waiter.grant(this.createPermit(waiter.tokens));
    }
    if (this.queue.length > 0) this.refuseLateWaiters(now);
    const head = this.queue.peek();
    if (!head) {
      this.drainTimer.cancel();
      return;
    }
    const waitMs = this.buckets.waitMs(
      1,
      this.buckets.needed(head.tokens),
      now,
      this.reserveRequests(),
    );
    // An endless pause arms no timer: the next pause, observe, release or restore drains again.
    // The timer is armed only while callers await a permit: it is their wait, so it keeps the
    // process alive. A waiter joining behind others leaves the head's due time, and so the
    // timer, as it was: a long queue costs no re-armed timer per call.
    this.drainTimer.arm(Math.max(1, Math.ceil(waitMs)));
  }

  private refuseLateWaiters(now: number): void {
    if (!this.someWaiterMayBeLate(now)) return;
    let requestsAhead = 0;
    let tokensAhead = 0;
    const reserveRequests = this.reserveRequests();
    // A copy: an onReject listener may change the queue while the walk refuses.
    for (const waiter of [...this.queue]) {
      const tokenCount = tokensAhead + this.buckets.needed(waiter.tokens);
      const grantAt =
        now + this.buckets.waitMs(requestsAhead + 1, tokenCount, now, reserveRequests);
      if (grantAt > waiter.latestGrantAt + 1e-6) {
        this.remove(waiter);
        waiter.refuse(this.refusal(grantAt - now, waiter.latestGrantAt - now));
        continue;
      }
      requestsAhead += 1;
      tokensAhead += waiter.tokens;
    }
  }

  /**
   * False when no waiter can be granted after its `latestGrantAt`, told in O(1) instead of a
   * walk: a waiter's predicted grant is `waitMs` of the requests and tokens up to its own, which
   * only grow along the queue, and `waitMs` only grows with them, so the waiter at the back is
   * predicted last; no deadline before that, nobody is late. Exact: it is the prediction the
   * walk computes for the back waiter, from the same operands, as long as the tokens ahead of
   * it are known exactly (whole counts); otherwise the walk decides.
   */
  private someWaiterMayBeLate(now: number): boolean {
    const earliestDeadline = this.queue.earliestDeadline;
    if (earliestDeadline === Infinity) return false;
    const last = this.queue.peekLast();
    const queuedTokens = this.queue.exactWeight;
    if (!last || queuedTokens === undefined) return true;
    const tokenCount = queuedTokens - last.weight + this.buckets.needed(last.weight);
    const lastGrantAt =
      now + this.buckets.waitMs(this.queue.length, tokenCount, now, this.reserveRequests());
    return lastGrantAt > earliestDeadline + 1e-6;
  }

  private remove(waiter: Waiter): void {
    if (waiter.place) this.queue.remove(waiter.place);
  }

  private refusal(waitMs: number, maxWaitMs: number): RateLimitWaitTooLongError {
    const error = new RateLimitWaitTooLongError({ retryAfterMs: Math.ceil(waitMs), maxWaitMs });
    this.rejectEmitter.emit(error);
    return error;
  }

  private createPermit(tokens: number): RateLimitPermit {
    let finished = false;
    const grant = this.reserve.awaitAnswer(this.settings.clock.now());
    const answered = () => {
      this.reserve.onAnswered(grant);
    };
    return {
      tokens,
      settle: (actualTokens) => {
        answered();
        if (finished) return;
        finished = true;
        this.settleTokens(tokens, actualTokens);
      },
      release: () => {
        answered();
        if (finished) return;
        finished = true;
        this.buckets.refund(1, tokens);
        this.drain();
      },
      answered,
    };
  }

  private settleTokens(reserved: number, actual: number): void {
    if (!(actual >= 0) || actual === reserved) return;
    this.buckets.refund(0, reserved - actual);
    if (actual < reserved && this.queue.length > 0) this.drain();
  }

  private save(): void {
    saveState(this.settings.store, this.settings.key, this.snapshot(), this.storeErrorEmitter);
  }
}
