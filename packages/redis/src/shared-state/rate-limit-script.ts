import type {
  RateLimitObservation,
  RateLimitWindowObservation,
  SharedRateLimitCommand,
  SharedRateLimitLimits,
  SharedRateLimitResult,
} from '@resilient-llm/policies';
import { rateLimitLua } from './lua/rate-limit-lua';
import { numberToText, textToNumber } from './number-text';
import { parseRateLimitState, rateLimitLayoutVersion, refillModeCodes } from './rate-limit-layout';

/** The source of the script {@link rateLimitArguments} are for. */
export const rateLimitScript = rateLimitLua;

/**
 * How long a rate-limit key lives after each command: while its pause or a reported reset is
 * pending and until its buckets are full again, then `windowsKept` windows more (so what it
 * learned outlasts a short lull), at least `minimumMs` and at most `maximumMs`. Redis drops
 * an idle key by itself; the next command starts it again from its limits.
 */
const rateLimitStateExpiry = {
  minimumMs: 60_000,
  windowsKept: 3,
  maximumMs: 7 * 24 * 60 * 60_000,
} as const;

/** The script's arguments (`ARGV`) for one command, in the order it reads them. */
export function rateLimitArguments(
  limits: SharedRateLimitLimits,
  command: SharedRateLimitCommand,
  now: number,
): string[] {
  const [a, b, learn] = operands(command);
  const observation = 'observation' in command ? command.observation : undefined;
  return [
    rateLimitLayoutVersion,
    numberToText(now),
    numberToText(limits.requestsPerWindow),
    numberToText(limits.tokensPerWindow),
    numberToText(limits.windowMs),
    String(refillModeCodes[limits.refillMode]),
    command.op,
    numberToText(a),
    numberToText(b),
    learn ? '1' : '0',
    numberToText(rateLimitStateExpiry.minimumMs),
    numberToText(rateLimitStateExpiry.windowsKept),
    numberToText(rateLimitStateExpiry.maximumMs),
    ...observationArguments(observation),
  ];
}

function operands(command: SharedRateLimitCommand): [number, number, boolean] {
  switch (command.op) {
    case 'take':
      return [command.tokens, command.reserveRequests, false];
    case 'refund':
      return [command.requests, command.tokens, false];
    case 'observe':
      return [0, 0, false];
    case 'rate-limited':
      return [0, command.pauseUntil, command.learn];
  }
}

function observationArguments(observation: RateLimitObservation | undefined): string[] {
  if (!observation) return ['0', ...windowArguments(undefined), ...windowArguments(undefined)];
  return ['1', ...windowArguments(observation.requests), ...windowArguments(observation.tokens)];
}

/** A window as present flag, limit, remaining and reset; an absent field as an empty string. */
function windowArguments(window: RateLimitWindowObservation | undefined): string[] {
  const field = (value: number | undefined) =>
    typeof value === 'number' ? numberToText(value) : '';
  if (!window) return ['0', '', '', ''];
  return ['1', field(window.limit), field(window.remaining), field(window.resetMs)];
}

/** The script's reply `[granted, waitMs, state]` as a {@link SharedRateLimitResult}. */
export function rateLimitResult(reply: unknown): SharedRateLimitResult {
  const [granted, waitMs, stateText] = Array.isArray(reply) ? reply : [];
  const state = typeof stateText === 'string' ? parseRateLimitState(stateText) : undefined;
  if (!state || typeof waitMs !== 'string') {
    throw new TypeError('The rate-limit script gave an answer of an unknown shape.');
  }
  return { granted: Number(granted) === 1, waitMs: textToNumber(waitMs), state };
}
