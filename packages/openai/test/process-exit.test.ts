import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const childDirectory = fileURLToPath(new URL('./child/', import.meta.url));
// Far beyond the tens of milliseconds the exit takes; a timer still holding the process
// (the total deadline defaults to ten minutes) is caught by the kill.
const exitBoundMs = 20_000;

it('lets the process exit by itself once the caller lets go of an unread stream', {
  timeout: exitBoundMs + 10_000,
}, async () => {
  // Node runs the sources as they are: types stripped, imports resolved by the hooks.
  const child = spawn(
    process.execPath,
    [
      '--experimental-transform-types',
      '--disable-warning=ExperimentalWarning',
      '--import',
      './source-hooks.ts',
      'unread-stream.ts',
    ],
    { cwd: childDirectory, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  let killed = false;
  const kill = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, exitBoundMs);
  const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  clearTimeout(kill);

  expect(killed, `still running after ${exitBoundMs} ms:\n${output}`).toBe(false);
  expect(exit, output).toEqual({ code: 0, signal: null });
  expect(output).toBe('let go\n');
});
