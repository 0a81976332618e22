import { RateLimitWaitTooLongError } from '../errors/rate-limit-wait-too-long-error';
import { EventEmitter } from '../events/event';
import { neverAbortedSignal } from '../policy/never-aborted-signal';
import type { Policy, PolicyFunction } from '../policy/policy';
import { JitterReserve } from '../rate-limit/jitter-reserve';
import { prepareRateLimiterOptions } from '../rate-limit/prepare-rate-limiter-options';
import { RateLimitBuckets } from '../rate-limit/rate-limit-buckets';
import type { RateLimitPermit } from '../rate-limit/rate-limit-permit';
import { RateLimiter } from '../rate-limit/rate-limiter';
import {
  type AcquireOptions,
  defaultAcquireOptions,
  type RateLimitedReport,
  type RateLimiterExecuteOptions,
  type RateLimiterOptions,
  type RateLimitObservation,
} from '../rate-limit/rate-limiter-options';
import type { RateLimiterSnapshot } from '../rate-limit/rate-limiter-snapshot';
import { abortError, onAbort, throwIfAborted } from '../time/abort';
import type { Clock } from '../time/clock';
import { startTimer } from '../time/start-timer';
import { assertNumber } from '../validation/assert-number';
import { assertRequired } from '../validation/assert-required';
import { FallbackWaiters } from './fallback-waiters';
import { createFleetPermit } from './fleet-permit';
import { foldTightens } from './fold-tightens';
import { prepareSharedStateOptions } from './prepare-shared-state-options';
import { RidingReport } from './riding-report';
import type { SharedRateLimitCommand, SharedRateLimitLimits } from './shared-state';
import { SharedStateLink } from './shared-state-link';
import type { SharedStateOptions } from './shared-state-options';
import { type SharedWaiter, SharedWaitQueue } from './shared-waiters';

/**
 * The most a permit in the fleet's line is handed after its time. In line (granted ahead, or
 * at once right after the fleet's last permit granted ahead), permits follow each other at
 * the exact moments the bucket refills, and a request whose way to the server is quicker than
 * the way of the one before it would arrive before the server refilled for it. Every process
 * handing each such permit the same time late shifts the whole line, keeping its spacing (no
 * throughput is lost): one request's refill, at most this. A permit from a bucket with room
 * to spare goes at once.
 */
const maximumAheadMarginMs = 25;

/** Options of {@link SharedRateLimiter}: those of `RateLimiter`, plus where the fleet's state lives. */
export interface SharedRateLimiterOptions extends RateLimiterOptions {
  /** The fleet's state and this limiter's key in it. Required. */
  shared: SharedStateOptions;
}

/**
 * A rate limiter that many processes share: every permit is taken from the fleet's buckets
 * (`SharedState.rateLimit`), so together they never send more than the limits allow, and a 429
 * one of them sees pauses them all. The surface is `RateLimiter`'s but `tryAcquire` (a fleet
 * answer is never synchronous).
 *
 * Waiters queue here, first in, first out; only the head asks the fleet, one operation at a
 * time. The fleet grants ahead where its buckets drip back: a head that cannot have a permit
 * now but can within its `maxWaitMs` is given one for later (the fleet takes it now and says
 * when it may be used), and the head waits for that moment on a timer while the next asks. So
 * a permit costs one round trip however many processes wait on the key. Where the fleet
 * cannot grant ahead (buckets that refill at resets), a refused head waits the fleet's
 * `waitMs` on one timer before it asks again. Permits in line are handed a little after their
 * time (one request's refill, at most 25 ms), the same in every process: the line keeps its
 * spacing and gains a margin for arrival jitter. What responses report rides on the next
 * take (`RidingReport`); one that the fleet must hear now (`foldTightens`) rides only on a take
 * already under way and is sent on its own otherwise. A local `RateLimiter` mirrors every
 * answer of the fleet and is the fallback: when an operation fails or runs past
 * `shared.timeoutMs`, waiters and new calls go on from it (`onSharedStateFault`), and after
 * `shared.rejoinAfterMs` the next operation tries the fleet again (`onSharedStateRejoin` when it
 * answers); then the waiters still waiting on the local limiter go back to the fleet's line,
 * so a process that lost the fleet for a moment does not spend the whole limit alone. What
 * the local limiter grants, settles and refunds while falling back is not replayed to the
 * fleet: a failover loses at most the window it happens in.
 */
export class SharedRateLimiter implements Policy {
  private readonly local: RateLimiter;
  private readonly link: SharedStateLink;
  private readonly limits: SharedRateLimitLimits;
  private readonly learns: boolean;
  private readonly maxWaitMs: number;
  private readonly clock: Clock;
  // The fleet's state as last answered, refilled to now: the estimate of every wait here.
  private readonly mirror: RateLimitBuckets;
  // The margin for arrival jitter of this process's grants (see `JitterReserve`).
  private readonly reserve = new JitterReserve();
  private readonly queue = new SharedWaitQueue();
  private readonly fallbackWaiters: FallbackWaiters;
  private asking = false;
  private stopTimer: (() => void) | undefined;
  private readonly riding: RidingReport;
  private sent = 0;
  private mirrored = 0;
  private announcedPause = 0;
  private readonly rejectEmitter = new EventEmitter<RateLimitWaitTooLongError>();
  private readonly pauseEmitter = new EventEmitter<{ untilMs: number }>();

  /** Fires when a caller is refused because its wait would be too long. */
  readonly onReject = this.rejectEmitter.event;
  /** Fires when a pause is extended, here or by another process; `untilMs` is epoch milliseconds. */
  readonly onPause = this.pauseEmitter.event;
  /** Fires when the local limiter's store fails to save. */
  readonly onStoreError: RateLimiter['onStoreError'];
  /** Fires when an operation on the fleet's state fails or runs late; the limiter goes on locally. */
  readonly onSharedStateFault: SharedStateLink['onFault'];
  /** Fires when an operation on the fleet's state succeeds again after a fault. */
  readonly onSharedStateRejoin: SharedStateLink['onRejoin'];

  constructor(options: SharedRateLimiterOptions) {
    assertRequired('options', options);
    const { shared, ...limiterOptions } = options;
    const settings = prepareRateLimiterOptions(limiterOptions);
    const { requestsPerWindow, tokensPerWindow, windowMs, windowKind, clock } = settings;
    const refillMode = windowKind === 'fixed' ? 'fixed-window' : 'continuous';
    this.link = new SharedStateLink(prepareSharedStateOptions('shared', shared), clock);
    this.local = new RateLimiter(limiterOptions);
    this.fallbackWaiters = new FallbackWaiters(this.local, clock);
    this.limits = { requestsPerWindow, tokensPerWindow, windowMs, refillMode };
    this.learns = windowKind === 'auto';
    this.maxWaitMs = settings.maxWaitMs;
    this.clock = clock;
    this.riding = new RidingReport(clock, () => this.mirror.requestRatePerMs);
    this.mirror = new RateLimitBuckets(
      requestsPerWindow,
      tokensPerWindow,
      windowMs,
      clock,
      refillMode,
    );
    this.onStoreError = this.local.onStoreError;
    this.onSharedStateFault = this.link.onFault;
    this.onSharedStateRejoin = this.link.onRejoin;
    this.link.onRejoin(() => this.rejoin());
    this.local.onReject((error) => this.rejectEmitter.emit(error));
    this.local.onPause(({ untilMs }) => this.announcePause(untilMs));
  }

  /**
   * Runs `fn` once a permit is granted, then settles the permit with the tokens it used.
   * @typeParam T What `fn` resolves with, inferred from `fn`; `execute` resolves with it too.
   */
  async execute<T>(
    fn: PolicyFunction<T>,
    signal?: AbortSignal,
    options?: RateLimiterExecuteOptions<T>,
  ): Promise<T> {
    const tokens = options?.tokens ?? defaultAcquireOptions.tokens;
    const permit = await this.acquire({ tokens, signal });
    let result: T;
    try {
      result = await fn({ signal: signal ?? neverAbortedSignal() });
    } catch (error) {
      permit.settle(tokens);
      throw error;
    }
    permit.settle(options?.tokensUsed?.(result) ?? tokens);
    return result;
  }

  /**
   * Waits for a permit for one request of `tokens` tokens from the fleet. Rejects at once with
   * `RateLimitWaitTooLongError` when the expected wait exceeds `maxWaitMs` (or later, when the
   * fleet's answer makes it exceed), and with `AbortedError` when `signal` fires.
   */
  acquire({
    tokens = defaultAcquireOptions.tokens,
    signal,
    maxWaitMs = this.maxWaitMs,
  }: AcquireOptions = {}): Promise<RateLimitPermit> {
    try {
      assertNumber('tokens', tokens);
      assertNumber('maxWaitMs', maxWaitMs, { allowInfinity: true });
      throwIfAborted(signal);
    } catch (error) {
      return Promise.reject(error);
    }
    const falling = !this.link.available;
    const waitMs = falling ? 0 : this.expectedWaitMs(tokens);
    if (waitMs > maxWaitMs) return Promise.reject(this.refusal(waitMs, maxWaitMs));
    return new Promise<RateLimitPermit>((resolve, reject) => {
      const latestGrantAt = this.clock.now() + maxWaitMs;
      const waiter: SharedWaiter = {
        tokens,
        signal,
        latestGrantAt,
        stopListening: notListening,
        resolve,
        reject,
      };
      if (falling) {
        this.fallbackWaiters.wait(waiter);
        return;
      }
      this.join(waiter);
      this.ask();
    });
  }

  /**
   * Milliseconds a request of `tokens` tokens made now would wait, from the fleet's state as
   * last answered (the local limiter's while falling back). Takes nothing, asks nothing.
   */
  expectedWaitMs(tokens: number = defaultAcquireOptions.tokens): number {
    if (!this.link.available) return this.local.expectedWaitMs(tokens);
    const now = this.mirror.refill();
    const tokensAhead = this.queue.tokens + this.mirror.needed(tokens);
    return this.mirror.waitMs(this.queue.length + 1, tokensAhead, now);
  }

  /** Pauses every process for `forMs` milliseconds from now. Never shortens a pause. */
  pause(forMs: number): void {
    this.pauseUntil(this.clock.now() + Math.max(0, forMs));
  }

  /** Pauses every process until epoch milliseconds `untilMs`. Never shortens a pause. */
  pauseUntil(untilMs: number): void {
    this.local.pauseUntil(untilMs);
    this.mirror.pauseUntil(untilMs);
    this.send({ op: 'rate-limited', pauseUntil: untilMs, learn: false });
  }

  /**
   * Folds in a 429 here and in the fleet (learning from it with `windowKind: 'auto'`, as
   * `RateLimiter.reportRateLimited` does), and pauses every process for `retryAfterMs`.
   */
  reportRateLimited(report: RateLimitedReport = {}): void {
    const { retryAfterMs, observation } = report;
    this.local.reportRateLimited(report);
    this.reserve.onRateLimited(this.mirror.requestCapacity);
    if (this.learns) this.mirror.learnFromRefusal(observation);
    if (observation) this.mirror.observe(observation);
    const pauseUntil =
      retryAfterMs !== undefined && retryAfterMs > 0 ? this.clock.now() + retryAfterMs : 0;
    if (pauseUntil > 0) this.mirror.pauseUntil(pauseUntil);
    this.send({
      op: 'rate-limited',
      pauseUntil,
      learn: this.learns,
      ...(observation ? { observation } : {}),
    });
  }

  /** Folds in rate-limit state a response reported, here and in the fleet. */
  observe(observation: RateLimitObservation): void {
    // With the window lengths the local limiter inferred, so the fleet paces by them too.
    const inferred = this.local.observe(observation);
    // The local limiter learned from the reports that the server counts fixed windows: so does
    // the fleet, or its next answer would turn the local limiter back to a drip.
    const fixedWindows =
      this.learns && !this.mirror.countsFixedWindows && this.local.countsFixedWindows;
    const command = {
      op: 'observe',
      observation: inferred,
      ...(fixedWindows ? { fixedWindows } : {}),
    } as const;
    const tightens = foldTightens(this.mirror, () => {
      if (fixedWindows) this.mirror.learnFixedWindows();
      this.mirror.observe(inferred);
    });
    if (!this.link.available) return;
    // It waits for the next take; one the fleet must hear now only for the take under way.
    this.riding.hold(command, tightens);
    if (this.riding.urgent && !this.asking) this.sendUrgentReport();
  }

  /** The fleet's state as last answered (the local limiter's state while falling back). */
  snapshot(): RateLimiterSnapshot {
    return this.local.snapshot();
  }

  /** Replaces the local state (not the fleet's) with a snapshot. */
  restore(snapshot: RateLimiterSnapshot): void {
    this.local.restore(snapshot);
    this.mirror.restore(snapshot);
  }

  /** Loads the local state from the local limiter's store, if one is configured. */
  async hydrate(): Promise<void> {
    await this.local.hydrate();
    this.mirror.restore(this.local.snapshot());
  }

  /** Puts `waiter` at the end of the fleet's line, listening for its abort. */
  private join(waiter: SharedWaiter): void {
    this.listen(waiter);
    this.queue.push(waiter);
  }

  /** Takes `waiter` out of the fleet's line when its signal fires, rejecting its call. */
  private listen(waiter: SharedWaiter): void {
    waiter.stopListening = onAbort(waiter.signal, () => {
      this.queue.remove(waiter);
      waiter.reject(abortError(waiter.signal!));
      this.wake();
    });
  }

  /**
   * The fleet answers again: the waiters still waiting on the local limiter go back to the
   * fleet's line, ahead of those who came since, in the order they came.
   */
  private rejoin(): void {
    if (this.fallbackWaiters.size === 0) return;
    const returning = this.fallbackWaiters.takeAll();
    for (const waiter of returning) this.listen(waiter);
    this.queue.pushFirst(returning);
    this.ask();
  }

  /** Asks the fleet for the head's permit, unless an ask is under way or nobody waits. */
  private ask(): void {
    const head = this.queue.head;
    if (this.asking || !head) return;
    this.stopTimer?.();
    this.stopTimer = undefined;
    if (!this.link.available) {
      this.fallBack();
      return;
    }
    this.asking = true;
    const now = this.clock.now();
    const take = {
      op: 'take',
      tokens: head.tokens,
      reserveRequests: this.reserve.requests(
        this.mirror.requestCapacity,
        this.mirror.requestRatePerMs,
        now,
      ),
      maxWaitMs: Math.max(0, head.latestGrantAt - now),
    } as const;
    const commands = this.withRidingReport(take);
    const sequence = ++this.sent;
    void this.link
      .run('rate-limit', (at) => this.fleet(commands, at), {
        // A grant that comes after the timeout is given back: nobody uses it.
        late: (late) =>
          late.granted && this.send({ op: 'refund', requests: 1, tokens: head.tokens }, true),
      })
      .then((answer) => {
        this.asking = false;
        if (!answer) {
          this.fallBack();
          return;
        }
        this.adopt(answer.value.state, sequence);
        // Granted ahead: from when the take was made, not from when its answer came.
        if (answer.value.granted) this.grant(head, now + answer.value.waitMs);
        else this.waitForFleet(answer.value.waitMs);
        // An urgent report that came during the take and found no next take to ride on.
        if (!this.asking) this.sendUrgentReport();
      });
  }

  /**
   * Hands a permit granted for the head, at once or at `dueAt` (granted ahead), or gives it
   * back to the fleet when the head left meanwhile; then the next head asks.
   */
  private grant(head: SharedWaiter, dueAt: number): void {
    if (this.queue.head === head) {
      this.queue.remove(head);
      head.stopListening();
      const now = this.clock.now();
      const waitMs = Math.max(0, dueAt - now);
      const margin = this.lineMarginMs();
      // In line: granted ahead, or at once just after the fleet's last permit granted ahead
      // (within one request's refill and the margin, which that permit was handed late by).
      const lineEnd = this.mirror.grantedAheadUntil + 1 / this.mirror.requestRatePerMs + margin;
      if (waitMs > 0 || now < lineEnd) this.handWhenDue(head, waitMs + margin);
      else this.hand(head);
    } else {
      this.send({ op: 'refund', requests: 1, tokens: head.tokens });
    }
    this.ask();
  }

  /** How late a permit in line is handed (see {@link maximumAheadMarginMs}). */
  private lineMarginMs(): number {
    return Math.min(maximumAheadMarginMs, 1 / this.mirror.requestRatePerMs);
  }

  /** Resolves `waiter` with the permit the fleet granted it. */
  private hand(waiter: SharedWaiter): void {
    this.reserve.onGrant(this.mirror.requestCapacity);
    const grant = this.reserve.awaitAnswer(this.clock.now());
    waiter.resolve(
      createFleetPermit(
        waiter.tokens,
        (requests, tokens) => this.refund(requests, tokens),
        () => this.reserve.onAnswered(grant),
      ),
    );
  }

  /**
   * Hands `waiter` its permit granted ahead once `waitMs` are over; an abort before then gives
   * the permit back to the fleet and rejects the call.
   */
  private handWhenDue(waiter: SharedWaiter, waitMs: number): void {
    const stopListening = onAbort(waiter.signal, () => {
      stopTimer();
      this.refund(1, waiter.tokens);
      waiter.reject(abortError(waiter.signal!));
    });
    const stopTimer = startTimer(
      () => {
        stopListening();
        this.hand(waiter);
      },
      // Timers count whole milliseconds: rounded down, the permit would come a hair early.
      Math.ceil(waitMs),
      { clock: this.clock },
    );
  }

  /** The fleet refused the head: refuses waiters that cannot wait that long, then waits once. */
  private waitForFleet(fleetWaitMs: number): void {
    const head = this.queue.head;
    this.refuseLate(fleetWaitMs);
    if (this.queue.length === 0) return;
    if (this.queue.head !== head) {
      this.ask();
      return;
    }
    // An endless pause arms no timer: the next answer that shows room wakes the queue.
    this.stopTimer = startTimer(() => this.ask(), Math.max(1, Math.ceil(fleetWaitMs)), {
      clock: this.clock,
    });
  }

  /** Refuses the waiters that would wait past their limit, none sooner than `minWaitMs`. */
  private refuseLate(minWaitMs: number): void {
    for (const { waiter, waitMs } of this.queue.late(this.mirror, minWaitMs)) {
      this.queue.remove(waiter);
      waiter.stopListening();
      waiter.reject(this.refusal(waitMs, waiter.latestGrantAt - this.clock.now()));
    }
  }

  /** Asks again before the timer when the mirror shows room for the head (a refund, a restore). */
  private wake(): void {
    const head = this.queue.head;
    if (!head || this.asking) return;
    if (this.mirror.fits(head.tokens, this.mirror.refill())) this.ask();
  }

  /** Moves every waiter to the local limiter, in order, with what is left of its wait. */
  private fallBack(): void {
    for (const waiter of this.queue.takeAll()) {
      waiter.stopListening();
      this.fallbackWaiters.wait(waiter);
    }
  }

  /**
   * Sends a command nobody awaits, unless falling back (`always`: even then, to give back what
   * the fleet granted too late); its answer, when it comes in time, updates the mirror.
   */
  private send(command: SharedRateLimitCommand, always = false): void {
    if (!always && !this.link.available) return;
    const commands = this.withRidingReport(command);
    const sequence = ++this.sent;
    void this.link
      .run('rate-limit', (now) => this.fleet(commands, now), { awaited: false })
      .then((answer) => {
        if (!answer) {
          // The fleet is down: waiters go on from the local limiter now, not when they next ask.
          if (!this.link.available) this.fallBack();
          return;
        }
        this.adopt(answer.value.state, sequence);
        this.wake();
      });
  }

  /**
   * `command`, after the report waiting to ride on the next operation, if any and still fresh
   * (see `RidingReport`). A stale one is dropped: it tightened nothing when it came, so the
   * fleet's state without it counts no more than the server allows.
   */
  private withRidingReport(command: SharedRateLimitCommand): SharedRateLimitCommand[] {
    return [...this.riding.take(), command];
  }

  /** Sends the urgent report waiting, if any, on its own. */
  private sendUrgentReport(): void {
    const report = this.riding.takeUrgent();
    if (report) this.send(report);
  }

  private fleet(commands: readonly SharedRateLimitCommand[], now: number) {
    const { state, key } = this.link.settings;
    return state.rateLimit(key, this.limits, commands, now);
  }

  /** Mirrors the fleet's state, unless a later answer already did. */
  private adopt(state: RateLimiterSnapshot, sequence: number): void {
    if (sequence < this.mirrored) return;
    this.mirrored = sequence;
    this.local.restore(state);
    this.mirror.restore(state);
    this.announcePause(state.pausedUntil);
  }

  /** Tells of a pause longer than any told before, and refuses the waiters it holds too long. */
  private announcePause(untilMs: number): void {
    const now = this.clock.now();
    if (!(untilMs > this.announcedPause) || untilMs <= now) return;
    this.announcedPause = untilMs;
    this.pauseEmitter.emit({ untilMs });
    this.refuseLate(untilMs - now);
  }

  private refusal(waitMs: number, maxWaitMs: number): RateLimitWaitTooLongError {
    const error = new RateLimitWaitTooLongError({ retryAfterMs: Math.ceil(waitMs), maxWaitMs });
    this.rejectEmitter.emit(error);
    return error;
  }

  private refund(requests: number, tokens: number): void {
    // Tokens alone, to a tokens bucket without a limit, change nothing: no round trip.
    if (requests === 0 && (tokens === 0 || this.mirror.tokenCapacity === Infinity)) return;
    this.mirror.refund(requests, tokens);
    this.send({ op: 'refund', requests, tokens });
  }
}

/** A waiter's `stopListening` until it joins the fleet's line. */
function notListening(): void {}
