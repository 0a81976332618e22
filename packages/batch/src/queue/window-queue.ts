import type { Clock } from '@resilient-llm/core';
import { startTimer } from '@resilient-llm/core/internal';

/** Limits of one batching window. */
export interface WindowQueueOptions<TEntry> {
  /** Longest time the first entry of a batch waits for company. */
  readonly maxWaitMs: number;
  /** Most entries in one batch. */
  readonly maxSize: number;
  /** Most total weight (tokens) in one batch; a heavier single entry goes alone. */
  readonly maxWeight: number;
  /** The weight of one entry. */
  readonly weigh: (entry: TEntry) => number;
  /** Timers of the window. */
  readonly clock: Clock;
  /** Receives each batch, never empty. */
  readonly flush: (entries: TEntry[]) => void;
}

/** Collects entries into batches closed by size, weight or the end of the window. */
export interface WindowQueue<TEntry> {
  /** Adds an entry to the open batch, closing it first if the entry would not fit. */
  add(entry: TEntry): void;
  /** Takes an entry out of the open batch; false when it already left. */
  remove(entry: TEntry): boolean;
  /** Sends the open batch now. */
  flush(): void;
}

/**
 * Creates the batching window shared by the prompt batcher and the embedding coalescer: the
 * first entry starts a timer of `maxWaitMs`; the batch leaves when the timer fires, when it
 * holds `maxSize` entries, or when it reaches `maxWeight`.
 */
export function createWindowQueue<TEntry>({
  maxWaitMs,
  maxSize,
  maxWeight,
  weigh,
  clock,
  flush,
}: WindowQueueOptions<TEntry>): WindowQueue<TEntry> {
  let open: { entry: TEntry; weight: number }[] = [];
  let openWeight = 0;
  let stopWindowTimer: (() => void) | undefined;

  const stopTimer = () => {
    stopWindowTimer?.();
    stopWindowTimer = undefined;
  };
  const flushOpen = () => {
    stopTimer();
    const entries = open.map(({ entry }) => entry);
    open = [];
    openWeight = 0;
    if (entries.length > 0) flush(entries);
  };

  return {
    add(entry) {
      const weight = weigh(entry);
      if (open.length > 0 && openWeight + weight > maxWeight) flushOpen();
      open.push({ entry, weight });
      openWeight += weight;
      if (open.length >= maxSize || openWeight >= maxWeight) flushOpen();
      // The callers await the batch this timer sends, so it keeps the process alive.
      else stopWindowTimer ??= startTimer(flushOpen, maxWaitMs, { clock });
    },
    remove(entry) {
      const index = open.findIndex((candidate) => candidate.entry === entry);
      if (index === -1) return false;
      openWeight -= open[index]!.weight;
      open.splice(index, 1);
      if (open.length === 0) stopTimer();
      return true;
    },
    flush: flushOpen,
  };
}
