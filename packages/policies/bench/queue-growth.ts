// Whether queueing costs grow with the queue: 1k, 10k and 100k callers wait on a bulkhead, and
// as many values go through a WaitQueue, a MinHeap and a DeadlineQueue standing alone. Time stands still on an
// injected clock (waits arm timers on it, none fires), so only the queue's own work is timed.
//
// Run from the repository root, on the sources (no build needed):
//
//   node --expose-gc --experimental-transform-types \
//     --import ./packages/test-utils/src/source-hooks.ts packages/policies/bench/queue-growth.ts
//
// Per size: time to enqueue, time to drain (every waiter granted in turn) or to leave (every
// waiter aborted, last queued first: the worst order for a search from the front), in
// nanoseconds per call (in brackets: less the garbage collector's pauses), and the heap a
// waiting call holds: medians of ROUNDS runs (5 by default) after one warm-up run of every
// size. Each table ends with the cost per call at the largest size over that at the smallest:
// about 1 when costs do not grow with the queue's length, about 100 (for 100k over 1k) when
// each call's cost grows linearly with it, that is when the whole is quadratic.
import { PerformanceObserver } from 'node:perf_hooks';
import { BulkheadPolicy } from '../src/bulkhead/bulkhead-policy';
import { DeadlineQueue, type DeadlineQueueEntry } from '../src/queue/deadline-queue';
import { MinHeap, type MinHeapEntry } from '../src/queue/min-heap';
import { WaitQueue, type WaitQueueEntry } from '../src/queue/wait-queue';
import type { Clock, TimerHandle } from '../src/time/clock';

const sizes = (process.env.SIZES ?? '1000,10000,100000').split(',').map(Number);
const rounds = Number(process.env.ROUNDS ?? 5);

/** A clock whose time stands still: it holds the timers it is given and never fires them. */
function stillClock(): Clock {
  const timers = new Set<TimerHandle>();
  return {
    now: () => 0,
    setTimeout: () => {
      const handle = {};
      timers.add(handle);
      return handle;
    },
    clearTimeout: (handle) => timers.delete(handle),
  };
}

/** One scenario at one size: `enqueue` fills the queue, `finish` empties it. */
interface Scenario {
  enqueue(): void;
  finish(): unknown;
}

/** Nanoseconds per call of one phase, and how many of them went to V8's garbage collector. */
interface Phase {
  ns: number;
  gcNs: number;
}

interface Sample {
  enqueue: Phase;
  finish: Phase;
  bytesPerCall: number;
}

const collect = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  collect?.();
  return process.memoryUsage().heapUsed;
}

// Allocating 100k live waiters makes V8 scavenge its young generation many times over; those
// pauses are reported apart, so that what grows with the size shows whose cost it is.
const gcPauses: Array<{ start: number; end: number }> = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcPauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  }
}).observe({ entryTypes: ['gc'] });

/** Runs one scenario of `size` calls: times both phases and weighs the heap of the full queue. */
async function measure(size: number, scenario: Scenario): Promise<Sample> {
  const before = heapUsed();
  const enqueueStart = performance.now();
  scenario.enqueue();
  const enqueueEnd = performance.now();
  const bytesPerCall = (heapUsed() - before) / size;
  const finishStart = performance.now();
  await scenario.finish();
  const finishEnd = performance.now();
  // The observer reports GC pauses some turns later.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const timed = (from: number, to: number): Phase => {
    const pausedMs = gcPauses
      .filter((pause) => pause.start >= from && pause.end <= to)
      .reduce((sum, pause) => sum + pause.end - pause.start, 0);
    return { ns: ((to - from) * 1e6) / size, gcNs: (pausedMs * 1e6) / size };
  };
  const sample = {
    enqueue: timed(enqueueStart, enqueueEnd),
    finish: timed(finishStart, finishEnd),
    bytesPerCall,
  };
  gcPauses.length = 0;
  return sample;
}

/** A slot held open while `size` callers queue behind it; then they are granted in turn, or leave. */
function bulkheadScenario(size: number, leave: boolean): Scenario {
  const bulkhead = new BulkheadPolicy({
    maxConcurrent: 1,
    maxQueued: Infinity,
    maxQueueWaitMs: 3_600_000,
    clock: stillClock(),
  });
  let openSlot!: () => void;
  const holder = bulkhead.execute(() => new Promise<void>((resolve) => (openSlot = resolve)));
  // Signals only where callers leave: Node's AbortSignal listeners cost more than the queue.
  const controllers = leave ? Array.from({ length: size }, () => new AbortController()) : [];
  const calls: Promise<unknown>[] = new Array(size);
  return {
    enqueue() {
      for (let index = 0; index < size; index++) {
        calls[index] = bulkhead
          .execute(async () => index, controllers[index]?.signal)
          .catch(() => undefined);
      }
    },
    async finish() {
      if (leave) for (let index = size - 1; index >= 0; index--) controllers[index]!.abort();
      openSlot();
      await Promise.all(calls);
      await holder;
    },
  };
}

/** Pushes `size` values, takes every third out from the middle by its handle, shifts the rest. */
function waitQueueScenario(size: number): Scenario {
  const queue = new WaitQueue<number>();
  const entries: WaitQueueEntry<number>[] = new Array(size);
  return {
    enqueue() {
      for (let index = 0; index < size; index++) entries[index] = queue.push(index);
    },
    finish() {
      for (let index = size - 2; index >= 0; index -= 3) queue.remove(entries[index]!);
      while (queue.length > 0) queue.shift();
    },
  };
}

/** Pushes `size` deadlines in random order, takes every third out by its handle, pops the rest. */
function minHeapScenario(size: number): Scenario {
  const heap = new MinHeap<number>();
  const keys = Array.from({ length: size }, () => Math.random() * 60_000);
  const entries: MinHeapEntry<number>[] = new Array(size);
  return {
    enqueue() {
      for (let index = 0; index < size; index++) entries[index] = heap.push(keys[index]!, index);
    },
    finish() {
      for (let index = size - 2; index >= 0; index -= 3) heap.remove(entries[index]!);
      while (heap.length > 0) heap.pop();
    },
  };
}

/** Pushes `size` values with weights and random deadlines, removes every third by handle, shifts the rest. */
function deadlineQueueScenario(size: number): Scenario {
  const queue = new DeadlineQueue<number>();
  const deadlines = Array.from({ length: size }, () => Math.random() * 60_000);
  const entries: DeadlineQueueEntry<number>[] = new Array(size);
  return {
    enqueue() {
      for (let index = 0; index < size; index++) {
        entries[index] = queue.push(index, index % 100, deadlines[index]!);
      }
    },
    finish() {
      for (let index = size - 2; index >= 0; index -= 3) queue.remove(entries[index]!);
      while (queue.length > 0) queue.shift();
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medianPhase(phases: Phase[]): Phase {
  return { ns: median(phases.map((p) => p.ns)), gcNs: median(phases.map((p) => p.gcNs)) };
}

const column = (phase: Phase) =>
  `${phase.ns.toFixed(0)} (${(phase.ns - phase.gcNs).toFixed(0)})`.padStart(20);
const ratio = (last: Phase, first: Phase) =>
  `${(last.ns / first.ns).toFixed(2)}x (${((last.ns - last.gcNs) / (first.ns - first.gcNs)).toFixed(2)}x)`;

async function report(title: string, finishLabel: string, scenario: (size: number) => Scenario) {
  for (const size of sizes) await measure(size, scenario(size)); // warm-up, not reported
  const rows = [];
  for (const size of sizes) {
    const samples: Sample[] = [];
    for (let round = 0; round < rounds; round++) samples.push(await measure(size, scenario(size)));
    rows.push({
      size,
      enqueue: medianPhase(samples.map((sample) => sample.enqueue)),
      finish: medianPhase(samples.map((sample) => sample.finish)),
      bytesPerCall: median(samples.map((sample) => sample.bytesPerCall)),
    });
  }
  console.log(`\n${title}`);
  console.log(
    'size'.padStart(8),
    'enqueue ns/call'.padStart(20),
    `${finishLabel} ns/call`.padStart(20),
    'bytes/waiting'.padStart(14),
  );
  for (const row of rows) {
    console.log(
      String(row.size).padStart(8),
      column(row.enqueue),
      column(row.finish),
      row.bytesPerCall.toFixed(0).padStart(14),
    );
  }
  const first = rows[0]!;
  const last = rows.at(-1)!;
  console.log(
    `cost per call at ${last.size} / at ${first.size}:`,
    `enqueue ${ratio(last.enqueue, first.enqueue)},`,
    `${finishLabel} ${ratio(last.finish, first.finish)}`,
  );
}

console.log(
  `node ${process.version}, median of ${rounds} rounds; ns/call (in brackets: without GC pauses)`,
);
if (!collect) console.log('run with --expose-gc for the memory column');
await report('BulkheadPolicy, every waiter granted in turn', 'drain', (size) =>
  bulkheadScenario(size, false),
);
await report('BulkheadPolicy, every waiter aborted, last queued first', 'leave', (size) =>
  bulkheadScenario(size, true),
);
await report(
  'WaitQueue alone (a third removed by handle, the rest shifted)',
  'drain',
  waitQueueScenario,
);
await report(
  'MinHeap alone (a third removed by handle, the rest popped)',
  'drain',
  minHeapScenario,
);
await report(
  'DeadlineQueue alone (a third removed by handle, the rest shifted)',
  'drain',
  deadlineQueueScenario,
);
