import { HttpError } from '@resilient-llm/test-utils/scripted-binding';
import type { Binding } from '../src/contract/binding';
import { classifyError } from '../src/failure/classify-error';

/** What a timed provider does with the request that arrives as number `index` (from 0). */
export type TimedAnswer = { respond: string } | { fail: unknown };

/**
 * A provider that answers every request after `latencyMs` (on the global timers, so fake
 * timers drive it) and records when each request arrived.
 */
export interface TimedTarget {
  readonly id: string;
  readonly latencyMs: number;
  readonly answer: (index: number) => TimedAnswer;
  readonly arrivals: number[];
}

export function timedTarget(
  id: string,
  latencyMs: number,
  answer: (index: number) => TimedAnswer = () => ({ respond: 'ok' }),
): TimedTarget {
  return { id, latencyMs, answer, arrivals: [] };
}

/** A 429 asking for `retryAfterMs`. */
export const tooManyRequests = (retryAfterMs: number) =>
  new HttpError(429, { 'retry-after-ms': String(retryAfterMs) });

/** A binding over timed targets, non-streaming only. */
export const timedBinding: Binding<TimedTarget, string, string, never> = {
  targetId: (target) => target.id,
  generate(target, request, { signal }) {
    const answer = target.answer(target.arrivals.length);
    target.arrivals.push(Date.now());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        if ('fail' in answer) reject(answer.fail);
        else resolve(`${answer.respond} <- ${request}`);
      }, target.latencyMs);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  },
  stream: () => Promise.reject(new Error('the timed binding does not stream')),
  classify: (error) => classifyError(error),
  partRole: () => 'other',
};
