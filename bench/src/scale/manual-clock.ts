import type { Clock, TimerHandle } from '@resilient-llm/policies';

/** A clock that moves only when told: `fireNext` jumps to the earliest timer and runs it. */
export class ManualClock implements Clock {
  private time = 0;
  private readonly timers = new Map<TimerHandle, { dueAt: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const handle = {};
    this.timers.set(handle, { dueAt: this.time + Math.max(0, delayMs), callback });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle);
  }

  /** Runs the earliest timer, moving time to it; false when none is set. */
  fireNext(): boolean {
    let next: [TimerHandle, { dueAt: number; callback: () => void }] | undefined;
    for (const entry of this.timers) if (!next || entry[1].dueAt < next[1].dueAt) next = entry;
    if (!next) return false;
    this.timers.delete(next[0]);
    this.time = Math.max(this.time, next[1].dueAt);
    next[1].callback();
    return true;
  }
}
