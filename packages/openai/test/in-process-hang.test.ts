import { runChild } from '@resilient-llm/test-utils/run-child';
import { expect, it } from 'vitest';

const exitBoundMs = 20_000;

it('keeps the process alive while the caller awaits a model that hangs in process', {
  timeout: exitBoundMs + 10_000,
}, async () => {
  const { code, signal, killed, output } = await runChild(
    new URL('./child/hang-in-process.ts', import.meta.url),
    { exitBoundMs },
  );

  expect(killed, output).toBe(false);
  expect({ code, signal }, output).toEqual({ code: 0, signal: null });
  // The first-content limit fired; the stream being read was cut by the total deadline.
  expect(output).toBe(
    'The only target failed (in-process: no first token in time).\nStreamInterruptedError\n',
  );
});
