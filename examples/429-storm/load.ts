/** What one client did with the workload, updated as requests settle. */
export interface Tally {
  name: string;
  offered: number;
  succeeded: number;
  failed: number;
  servedByFallback: number;
  latenciesMs: number[];
}

/** A fresh tally for a client. */
export function createTally(name: string, offered: number): Tally {
  return { name, offered, succeeded: 0, failed: 0, servedByFallback: 0, latenciesMs: [] };
}

/** Sends one request; resolves with the id of the channel that answered. */
export type Send = (index: number, signal: AbortSignal) => Promise<string>;

/**
 * Offers `count` requests at `perSecond`, whatever the answers (users do not wait for each
 * other), each with its own deadline, and counts the outcomes into the tally.
 */
export async function runLoad(
  send: Send,
  tally: Tally,
  { perSecond, deadlineMs }: { perSecond: number; deadlineMs: number },
): Promise<void> {
  const pending: Promise<void>[] = [];
  for (let index = 0; index < tally.offered; index++) {
    const startedAt = performance.now();
    pending.push(
      send(index, AbortSignal.timeout(deadlineMs)).then(
        (channel) => {
          tally.succeeded++;
          if (channel === 'fallback') tally.servedByFallback++;
          tally.latenciesMs.push(performance.now() - startedAt);
        },
        () => {
          tally.failed++;
        },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
  }
  await Promise.all(pending);
}
