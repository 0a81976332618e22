import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceHooks = fileURLToPath(new URL('./source-hooks.ts', import.meta.url));

/** How a child process ended, with everything it printed. */
interface ChildExit {
  readonly code: number | null;
  readonly signal: string | null;
  /** True when it was still running after `exitBoundMs` and had to be killed. */
  readonly killed: boolean;
  readonly output: string;
}

/**
 * Runs `script` (a file URL, such as `new URL('./child/workload.ts', import.meta.url)`) in a
 * child Node process, in the script's folder, on the workspace's sources as they are: types
 * stripped, imports resolved by `source-hooks.ts`, no build. Kills it after `exitBoundMs`, far
 * beyond what it needs, so that a process held open by a stray timer or handle is caught
 * rather than waited for.
 */
export async function runChild(
  script: URL,
  { exitBoundMs }: { exitBoundMs: number },
): Promise<ChildExit> {
  const scriptPath = fileURLToPath(script);
  const child = spawn(
    process.execPath,
    [
      '--experimental-transform-types',
      '--disable-warning=ExperimentalWarning',
      '--import',
      sourceHooks,
      scriptPath,
    ],
    { cwd: path.dirname(scriptPath), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  let killed = false;
  const kill = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, exitBoundMs);
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>(
    (resolve) =>
      child.once('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal })),
  );
  clearTimeout(kill);
  return { code, signal, killed, output };
}
