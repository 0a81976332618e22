import { runChild } from '@resilient-llm/test-utils/run-child';
import { expect, it } from 'vitest';

// The workload takes a few seconds; a process held open by a stray timer (the total deadline
// defaults to ten minutes) is caught by the kill.
const exitBoundMs = 90_000;

it('leaves nothing behind after thousands of calls that abort, cancel, time out and fall over', {
  timeout: exitBoundMs + 10_000,
}, async () => {
  const { code, signal, killed, output } = await runChild(
    new URL('./child/leak-workload.ts', import.meta.url),
    { exitBoundMs },
  );

  expect(killed, `still running after ${exitBoundMs} ms:\n${output}`).toBe(false);
  expect({ code, signal }, output).toEqual({ code: 0, signal: null });
  const report = JSON.parse(output.trim()) as {
    settled: number;
    outcomes: Record<string, number>;
    listeners: number;
    timers: string[];
  };
  expect(report.settled).toBe(2_000);
  // The workload did what it says: every kind of ending happened.
  for (const outcome of [
    'answered',
    'stream read',
    'stream aborted unread',
    'stream cancelled unread',
    'AbortedError',
    'TimeoutError',
  ]) {
    expect(report.outcomes[outcome], outcome).toBeGreaterThan(0);
  }
  expect(report.listeners).toBe(0);
  expect(report.timers).toEqual([]);
});
