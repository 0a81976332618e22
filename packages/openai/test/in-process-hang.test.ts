import { expect, it } from 'vitest';
import { runChild } from './child/run-child';

const exitBoundMs = 20_000;

it('keeps the process alive while the caller awaits a model that hangs in process', {
  timeout: exitBoundMs + 10_000,
}, async () => {
  const { code, signal, killed, output } = await runChild('hang-in-process.ts', { exitBoundMs });

  expect(killed, output).toBe(false);
  expect({ code, signal }, output).toEqual({ code: 0, signal: null });
  // The first-content limit fired; the stream being read was cut by the total deadline.
  expect(output).toBe(
    'The only target failed (in-process: timeout (first-token)).\nStreamInterruptedError\n',
  );
});
