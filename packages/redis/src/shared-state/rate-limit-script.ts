import type {
  RateLimitObservation,
  RateLimitWindowObservation,
  SharedRateLimitCommand,
  SharedRateLimitLimits,
  SharedRateLimitResult,
} from '@resilient-llm/policies';
import { rateLimitArgumentLayout } from './lua/rate-limit-argument-layout';
import { numberToText, textToNumber } from './number-text';
import { parseRateLimitState, rateLimitLayoutVersion, refillModeCodes } from './rate-limit-layout';

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

const { headerLength, commandLength } = rateLimitArgumentLayout;

/**
 * The arguments (`ARGV`) of the rate-limit script (`lua/rate-limit-lua.ts`) for `commands`,
 * applied in order: a header, then `commandLength` arguments per command.
 */
export function rateLimitArguments(
  limits: SharedRateLimitLimits,
  commands: readonly SharedRateLimitCommand[],
  now: number,
): string[] {
  // The script reads them by position: ARGV[1] is the first.
  const header = [
    rateLimitLayoutVersion, // 1
    numberToText(now), // 2
    numberToText(limits.requestsPerWindow), // 3
    numberToText(limits.tokensPerWindow), // 4
    numberToText(limits.windowMs), // 5
    String(refillModeCodes[limits.refillMode]), // 6
    numberToText(rateLimitStateExpiry.minimumMs), // 7
    numberToText(rateLimitStateExpiry.windowsKept), // 8
    numberToText(rateLimitStateExpiry.maximumMs), // 9
    String(commands.length), // 10
  ];
  return [...laidOut('header', header, headerLength), ...commands.flatMap(commandArguments)];
}

/** `values`, checked against the length the script reads them by: the two must not drift. */
function laidOut(part: string, values: string[], length: number): string[] {
  if (values.length !== length)
    throw new Error(`rate-limit script: the ${part} has ${values.length} arguments, not ${length}`);
  return values;
}

/** One command's arguments, from `headerLength + 1 + index * commandLength` on. */
function commandArguments(command: SharedRateLimitCommand): string[] {
  const [a, b, third] = operands(command);
  const observation = 'observation' in command ? command.observation : undefined;
  const values = [
    command.op, // +0
    numberToText(a), // +1
    numberToText(b), // +2
    typeof third === 'number' ? numberToText(third) : third ? '1' : '0', // +3
    ...observationArguments(observation), // +4: present; +5 to +9, +10 to +14: the two windows
  ];
  return laidOut(`${command.op} command`, values, commandLength);
}

/**
 * The two numbers and the third operand of a command: `take` its tokens, reserved requests
 * and `maxWaitMs`, `refund` its requests and tokens, `observe` whether it shows fixed windows,
 * `rate-limited` its pause and whether to learn.
 */
function operands(command: SharedRateLimitCommand): [number, number, number | boolean] {
  switch (command.op) {
    case 'take':
      return [command.tokens, command.reserveRequests, command.maxWaitMs ?? 0];
    case 'refund':
      return [command.requests, command.tokens, false];
    case 'observe':
      return [0, 0, command.fixedWindows ?? false];
    case 'rate-limited':
      return [0, command.pauseUntil, command.learn];
  }
}

function observationArguments(observation: RateLimitObservation | undefined): string[] {
  if (!observation) return ['0', ...windowArguments(undefined), ...windowArguments(undefined)];
  return ['1', ...windowArguments(observation.requests), ...windowArguments(observation.tokens)];
}

/**
 * A window as present flag, limit, remaining, reset and inferred window length; an absent
 * field as an empty string.
 */
function windowArguments(window: RateLimitWindowObservation | undefined): string[] {
  const field = (value: number | undefined) =>
    typeof value === 'number' ? numberToText(value) : '';
  if (!window) return ['0', '', '', '', ''];
  return [
    '1',
    field(window.limit),
    field(window.remaining),
    field(window.resetMs),
    field(window.windowMs),
  ];
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
