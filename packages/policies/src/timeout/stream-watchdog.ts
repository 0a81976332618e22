import { TimeoutError } from '../errors/timeout-error';
import { type Clock, systemClock } from '../time/clock';
import { startTimer } from '../time/start-timer';
import {
  assertClock,
  assertFunction,
  assertNumber,
  assertOptions,
  assertRequired,
  optionKeys,
} from '../validation/validate';

/** Options of {@link createStreamWatchdog}. */
export interface StreamWatchdogOptions {
  /**
   * Time allowed from creation until the first content part, in milliseconds. Defaults to
   * `Infinity` (`defaultStreamWatchdogOptions.firstContentTimeoutMs`): no limit.
   */
  firstContentTimeoutMs?: number;
  /**
   * Time allowed between two parts once the first part arrived, in milliseconds. Defaults to
   * `Infinity` (`defaultStreamWatchdogOptions.idleTimeoutMs`): no limit.
   */
  idleTimeoutMs?: number;
  /** Called once, when a limit runs out; the watchdog then stops. */
  onTimeout: (phase: 'first-token' | 'idle', error: TimeoutError) => void;
  /** Source of time. Defaults to the system clock. */
  clock?: Clock;
}

/** The values {@link createStreamWatchdog} applies to the {@link StreamWatchdogOptions} left out. */
export const defaultStreamWatchdogOptions = {
  firstContentTimeoutMs: Infinity,
  idleTimeoutMs: Infinity,
} as const satisfies Partial<StreamWatchdogOptions>;

/** Every option of {@link StreamWatchdogOptions}: any other key is refused. */
const streamWatchdogOptionKeys = optionKeys<StreamWatchdogOptions>({
  firstContentTimeoutMs: true,
  idleTimeoutMs: true,
  onTimeout: true,
  clock: true,
});

/** Watches one stream; tell it what arrives, and dispose of it when the stream ends. */
export interface StreamWatchdog {
  /** A part arrived (any part, preamble included): restarts the idle timer. */
  partArrived(): void;
  /** A content part arrived: stops the first-content timer and counts as a part. */
  contentArrived(): void;
  /** Clears every timer. Idempotent; call it when the stream ends in any way. */
  dispose(): void;
}

/**
 * Turns a stalled stream into a `TimeoutError` of phase `first-token` (no content within
 * `firstContentTimeoutMs` of creation) or `idle` (a gap longer than `idleTimeoutMs` between
 * two parts). The watchdog starts when created.
 */
export function createStreamWatchdog(options: StreamWatchdogOptions): StreamWatchdog {
  assertRequired('options', options);
  assertOptions('', options, streamWatchdogOptionKeys);
  const {
    firstContentTimeoutMs = defaultStreamWatchdogOptions.firstContentTimeoutMs,
    idleTimeoutMs = defaultStreamWatchdogOptions.idleTimeoutMs,
    onTimeout,
    clock = systemClock,
  } = options;
  assertRequired('onTimeout', onTimeout);
  assertClock('clock', clock);
  assertNumber('firstContentTimeoutMs', firstContentTimeoutMs, { allowInfinity: true });
  assertNumber('idleTimeoutMs', idleTimeoutMs, { allowInfinity: true });
  assertFunction('onTimeout', onTimeout);
  let done = false;
  const expire = (phase: 'first-token' | 'idle', timeoutMs: number) => () => {
    dispose();
    onTimeout(phase, new TimeoutError({ phase, timeoutMs }));
  };
  const timerOptions = { clock };
  const stopFirstContentTimer = startTimer(
    expire('first-token', firstContentTimeoutMs),
    firstContentTimeoutMs,
    timerOptions,
  );
  const onIdle = expire('idle', idleTimeoutMs);
  let stopIdleTimer = (): void => {};

  function partArrived(): void {
    if (done) return;
    stopIdleTimer();
    stopIdleTimer = startTimer(onIdle, idleTimeoutMs, timerOptions);
  }

  function dispose(): void {
    done = true;
    stopFirstContentTimer();
    stopIdleTimer();
  }

  return {
    partArrived,
    contentArrived() {
      stopFirstContentTimer();
      partArrived();
    },
    dispose,
  };
}
