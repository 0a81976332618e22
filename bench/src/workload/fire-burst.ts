import { type Outcome, outcomeOf, type SendRequest } from './offer-load.ts';

/** Starts `count` calls at the same moment, each with its own `deadlineMs` signal, and resolves with every outcome. */
export function fireBurst(
  count: number,
  deadlineMs: number,
  send: SendRequest,
): Promise<Outcome[]> {
  const startedAt = performance.now();
  const elapsed = () => performance.now() - startedAt;
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      outcomeOf(send(index, AbortSignal.timeout(deadlineMs)), 0, elapsed),
    ),
  );
}
