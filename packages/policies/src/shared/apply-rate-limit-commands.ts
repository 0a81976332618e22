import { RateLimitBuckets } from '../rate-limit/rate-limit-buckets';
import type { RateLimiterSnapshot } from '../rate-limit/rate-limiter-snapshot';
import type { Clock } from '../time/clock';
import type {
  SharedRateLimitCommand,
  SharedRateLimitLimits,
  SharedRateLimitResult,
} from './shared-state';

/**
 * The fleet's rate-limit model: applies `commands` in order to a shared state (`undefined`:
 * none yet, created from `limits`) at `now`, with the buckets a local `RateLimiter` uses, and
 * answers for the last. The in-memory shared state runs it as it is; the Redis script is a
 * port of it, tested to decide exactly as it does.
 */
export function applyRateLimitCommands(
  state: RateLimiterSnapshot | undefined,
  limits: SharedRateLimitLimits,
  commands: readonly SharedRateLimitCommand[],
  now: number,
): SharedRateLimitResult {
  const buckets = new RateLimitBuckets(
    limits.requestsPerWindow,
    limits.tokensPerWindow,
    limits.windowMs,
    fixedClock(now),
    limits.refillMode,
  );
  if (state) buckets.restore(state);
  let answer = { granted: true, waitMs: 0 };
  for (const command of commands) answer = applyOne(buckets, command, now);
  return { ...answer, state: buckets.snapshot() };
}

function applyOne(buckets: RateLimitBuckets, command: SharedRateLimitCommand, now: number) {
  let granted = true;
  let waitMs = 0;
  switch (command.op) {
    case 'take': {
      buckets.refill();
      // A caller whose clock reads earlier than the state's last update (a process that
      // stalled between reading its clock and the operation running) waits from that update:
      // measured from its own now, its permit would come early by the stall.
      const from = Math.max(now, buckets.updatedAt);
      const wait = buckets.waitMs(1, buckets.needed(command.tokens), from, command.reserveRequests);
      waitMs = wait <= 0 ? 0 : from - now + wait;
      const ahead = waitMs < Infinity && waitMs <= (command.maxWaitMs ?? 0) && buckets.grantsAhead;
      granted = wait <= 0 || ahead;
      if (granted && waitMs > 0) buckets.consumeAhead(command.tokens, now + waitMs);
      else if (granted) buckets.consume(command.tokens);
      break;
    }
    case 'refund':
      buckets.refund(command.requests, command.tokens);
      break;
    case 'observe':
      if (command.fixedWindows) buckets.learnFixedWindows();
      buckets.observe(command.observation);
      break;
    case 'rate-limited':
      if (command.learn) buckets.learnFromRefusal(command.observation);
      if (command.observation) buckets.observe(command.observation);
      if (command.pauseUntil > 0) buckets.pauseUntil(command.pauseUntil);
      break;
  }
  // As the script does after every command; a second refill at the same time changes nothing.
  buckets.refill();
  return { granted, waitMs };
}

/** A clock stopped at `now`: the model reads time, it never waits. */
function fixedClock(now: number): Clock {
  return {
    now: () => now,
    setTimeout: () => {
      throw new Error('the rate-limit model never waits');
    },
    clearTimeout: () => {},
  };
}
