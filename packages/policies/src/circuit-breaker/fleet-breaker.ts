import type { Disposable } from '../events/event';
import { prepareSharedStateOptions } from '../shared/prepare-shared-state-options';
import type { SharedBreakerView } from '../shared/shared-state';
import { SharedStateLink } from '../shared/shared-state-link';
import type { Clock } from '../time/clock';
import { assertNumber } from '../validation/assert-number';
import {
  defaultSharedBreakerOptions,
  type SharedBreakerOptions,
  sharedBreakerExtraKeys,
} from './shared-breaker-options';

/**
 * The bound on subscribing to the fleet's breaker changes: the first subscription may open a
 * connection of its own (a remote or TLS Redis takes longer than one command's `timeoutMs`).
 */
const subscriptionTimeoutMs = 10_000;

/**
 * The least time a probe lease request is given: it is made once per open period, so a
 * longer bound costs nothing in the common case, while a lease request that timed out on a
 * busy event loop would let every process probe at once (each falls back to its own state).
 */
export const leaseTimeoutFloorMs = 1_000;

/** What a {@link FleetBreaker} does to the breaker it serves when the fleet's breaker changes. */
export interface FleetBreakerHost {
  /** The fleet's breaker is open until `untilMs` (past: half-open, waiting for a probe). */
  openUntil(untilMs: number): void;
  /** The fleet's breaker closed: a probe succeeded somewhere. */
  close(): void;
  /** A number that changes with every local change of state (a read older than it is stale). */
  changes(): number;
}

/**
 * One circuit breaker's view of the fleet's breaker: tells the fleet when it opens or closes
 * here, hears (pushed, or read at start and rejoin) when it opens or closes elsewhere, and
 * holds the fleet-wide probe lease: once the open period is over only the process that wins
 * `leaseProbe` probes, the others refuse until its probe closes or reopens the fleet's breaker,
 * or its lease runs out.
 */
export class FleetBreaker {
  readonly link: SharedStateLink;
  private readonly probeLeaseMs: number;
  private heldLeaseUntil = 0;
  private otherLeaseUntil = 0;
  private leasing: Promise<void> | undefined;
  private subscription: Disposable | undefined;
  private reading = false;
  private stopped = false;
  private pendingFirstRead: Promise<void> | undefined;

  constructor(
    options: SharedBreakerOptions,
    private readonly clock: Clock,
    private readonly host: FleetBreakerHost,
  ) {
    const { probeLeaseMs = defaultSharedBreakerOptions.probeLeaseMs } = options ?? {};
    this.link = new SharedStateLink(
      prepareSharedStateOptions('shared', options, sharedBreakerExtraKeys),
      clock,
    );
    assertNumber('shared.probeLeaseMs', probeLeaseMs, { min: 1 });
    this.probeLeaseMs = probeLeaseMs;
    this.link.onRejoin(() => {
      if (!this.reading) void this.read();
    });
  }

  /**
   * Reads the fleet's breaker, and listens to its changes where the state pushes them: once
   * the subscription is live it reads again, so a change made between the first read and the
   * subscription is not missed.
   */
  start(): void {
    const { state, key } = this.link.settings;
    // Awaited by the first calls (bounded as every operation is): see `firstRead`.
    const first = this.read(true).finally(() => {
      if (this.pendingFirstRead === first) this.pendingFirstRead = undefined;
    });
    this.pendingFirstRead = first;
    if (!state.onBreakerChange) return;
    const listener = (changed: string, view: SharedBreakerView) => {
      if (changed === key) this.apply(view);
    };
    const adopt = (subscription: Disposable) => {
      if (this.stopped) {
        subscription.dispose();
        return;
      }
      this.subscription = subscription;
      void this.read();
    };
    void this.link
      .run('on-breaker-change', async () => state.onBreakerChange!(listener), {
        awaited: false,
        timeoutMs: subscriptionTimeoutMs,
        late: adopt,
      })
      .then((answer) => answer && adopt(answer.value));
  }

  /**
   * The first read of the fleet's breaker while it is under way, undefined once it answered or
   * failed: a call made before must wait for it, or it would go through a circuit the fleet
   * holds open (a process that just started, joining a fleet that is shedding the target).
   */
  get firstRead(): Promise<void> | undefined {
    return this.pendingFirstRead;
  }

  /** Stops listening to the fleet's changes. */
  stop(): void {
    this.stopped = true;
    this.subscription?.dispose();
    this.subscription = undefined;
  }

  /** Once a fault's back-off is over, reads the fleet's breaker (a call came: time to rejoin). */
  rejoinWhenDue(): void {
    if (this.link.rejoinDue) void this.read();
  }

  /** True when this process may probe now: it holds the lease, or it runs on local state. */
  mayProbe(): boolean {
    return !this.link.available || this.heldLeaseUntil > this.clock.now();
  }

  /** True when nobody is known to hold the lease and the fleet can be asked for it. */
  needsLease(): boolean {
    const now = this.clock.now();
    return this.link.available && this.heldLeaseUntil <= now && this.otherLeaseUntil <= now;
  }

  /** Milliseconds until another process's lease runs out (0: none known). */
  leaseLeftMs(): number {
    return Math.max(0, this.otherLeaseUntil - this.clock.now());
  }

  /** Asks the fleet for the probe lease; concurrent callers share one request. */
  lease(): Promise<void> {
    this.leasing ??= this.requestLease().finally(() => {
      this.leasing = undefined;
    });
    return this.leasing;
  }

  /** This breaker opened until `untilMs`: every process opens too. */
  opened(untilMs: number): void {
    this.heldLeaseUntil = 0;
    this.otherLeaseUntil = 0;
    if (!this.link.available) return;
    const { state, key } = this.link.settings;
    void this.link
      .run('open-breaker', (now) => state.openBreaker(key, untilMs, now), { awaited: false })
      .then((answer) => answer && this.apply(answer.value));
  }

  /** This breaker's probe succeeded: every process closes. */
  closed(): void {
    this.heldLeaseUntil = 0;
    this.otherLeaseUntil = 0;
    if (!this.link.available) return;
    const { state, key } = this.link.settings;
    void this.link.run('close-breaker', (now) => state.closeBreaker(key, now), { awaited: false });
  }

  private async requestLease(): Promise<void> {
    const { state, key } = this.link.settings;
    let untilMs = 0;
    const answer = await this.link.run(
      'lease-probe',
      (now) => {
        untilMs = now + this.probeLeaseMs;
        return state.leaseProbe(key, untilMs, now);
      },
      { timeoutMs: Math.max(this.link.settings.timeoutMs, leaseTimeoutFloorMs) },
    );
    if (!answer) return;
    if (answer.value) {
      this.heldLeaseUntil = untilMs;
      this.otherLeaseUntil = 0;
      return;
    }
    // Lost: learn until when another holds it, or that its probe already closed the breaker.
    await this.read(true);
  }

  private async read(awaited = false): Promise<void> {
    const { state, key } = this.link.settings;
    const changes = this.host.changes();
    this.reading = true;
    const answer = await this.link.run('read-breaker', (now) => state.readBreaker(key, now), {
      awaited,
    });
    this.reading = false;
    if (answer && this.host.changes() === changes) this.apply(answer.value);
  }

  private apply(view: SharedBreakerView): void {
    if (view.openUntil === 0) {
      this.heldLeaseUntil = 0;
      this.otherLeaseUntil = 0;
      this.host.close();
      return;
    }
    if (view.probeLeaseUntil !== this.heldLeaseUntil) {
      this.heldLeaseUntil = 0;
      this.otherLeaseUntil = view.probeLeaseUntil;
    }
    this.host.openUntil(view.openUntil);
  }
}
