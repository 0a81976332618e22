import { runChild } from '@resilient-llm/test-utils/run-child';
import { expect, it } from 'vitest';

// Far beyond the tens of milliseconds the exit takes; a timer still holding the process
// (the total deadline defaults to ten minutes) is caught by the kill.
const exitBoundMs = 20_000;

it('lets the process exit by itself once the caller lets go of an unread stream', {
  timeout: exitBoundMs + 10_000,
}, async () => {
  const { code, signal, killed, output } = await runChild(
    new URL('./child/unread-stream.ts', import.meta.url),
    { exitBoundMs },
  );

  expect(killed, `still running after ${exitBoundMs} ms:\n${output}`).toBe(false);
  expect({ code, signal }, output).toEqual({ code: 0, signal: null });
  expect(output).toBe('let go\n');
});
