import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { RateLimiter } from '@resilient-llm/policies';
import { ManualClock } from './manual-clock.ts';

/** Sizes of the scale scenario: how many calls queue at once, and the limiter they queue on. */
export interface ScaleSettings {
  sizes: number[];
  requestsPerWindow: number;
  windowMs: number;
}

/** One size: the CPU time to enqueue and to drain, and the heap each waiting call held. */
interface ScaleRow {
  queued: number;
  enqueueCpuMs: number;
  drainCpuMs: number;
  totalCpuMs: number;
  /** Total CPU time per call, in microseconds. */
  microsecondsPerCall: number;
  bytesPerWaitingCall: number;
}

export interface ScaleResult {
  rows: ScaleRow[];
  /** Cost per call at the largest size over the cost at the smallest. */
  growth: number;
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * `size` acquires at once on a `RateLimiter` of `requestsPerWindow` per `windowMs` on a manual
 * clock, so only the limiter's own work is timed: the bucket is emptied first, so every one
 * waits; then time jumps from timer to timer until every one is granted.
 */
async function measure(size: number, settings: ScaleSettings): Promise<ScaleRow> {
  const clock = new ManualClock();
  const limiter = new RateLimiter({
    requestsPerWindow: settings.requestsPerWindow,
    windowMs: settings.windowMs,
    windowKind: 'continuous',
    clock,
  });
  // A bucketful first, outside the measure: every measured acquire waits.
  for (let call = 0; call < settings.requestsPerWindow; call++) (await limiter.acquire()).settle(0);
  let granted = 0;
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const enqueueStart = cpuMs();
  const waits: Promise<void>[] = [];
  for (let call = 0; call < size; call++) {
    waits.push(
      limiter.acquire().then((permit) => {
        granted++;
        permit.settle(0);
      }),
    );
  }
  const enqueueCpuMs = cpuMs() - enqueueStart;
  // What the waiting calls hold, not the garbage their enqueueing left.
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;
  const drainStart = cpuMs();
  await Promise.resolve();
  while (granted < size) {
    if (!clock.fireNext()) throw new Error(`scale: ${size - granted} waiters left with no timer`);
    // Let the grants of this timer run before the next.
    await Promise.resolve();
  }
  await Promise.all(waits);
  const drainCpuMs = cpuMs() - drainStart;
  const totalCpuMs = enqueueCpuMs + drainCpuMs;
  return {
    queued: size,
    enqueueCpuMs,
    drainCpuMs,
    totalCpuMs,
    microsecondsPerCall: (totalCpuMs * 1000) / size,
    bytesPerWaitingCall: Math.max(0, heapAfter - heapBefore) / size,
  };
}

/** The scale scenario: one warm-up at the smallest size, then every size in turn. */
export async function runScale(settings: ScaleSettings): Promise<ScaleResult> {
  await measure(settings.sizes[0]!, settings);
  const rows: ScaleRow[] = [];
  for (const size of settings.sizes) rows.push(await measure(size, settings));
  const first = rows[0]!;
  const last = rows.at(-1)!;
  return { rows, growth: last.microsecondsPerCall / first.microsecondsPerCall };
}
