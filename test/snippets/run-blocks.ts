import { spawn } from 'node:child_process';
import path from 'node:path';
import type { SnippetError } from './compile-blocks.ts';
import type { SnippetFile } from './snippet-workspace.ts';

/** How long a runnable block may take, far beyond what one needs (a few seconds at most). */
const snippetTimeoutMs = 20_000;
// Lines of a failed block's output worth showing: the end, where the error is.
const shownOutputLines = 30;

/**
 * Runs each module of `files` with this Node (types stripped), `concurrency` at a time, in
 * the modules' folder. A block passes when it exits 0 within `timeoutMs` (defaults to
 * `snippetTimeoutMs`, 20 s); one that is still
 * running then (a server or timer left open) is killed by its PID and fails. Returns the
 * failures, with the end of what each printed, its module lines mapped to Markdown lines.
 */
export async function runSnippets(
  files: readonly SnippetFile[],
  { concurrency, timeoutMs = snippetTimeoutMs }: { concurrency: number; timeoutMs?: number },
): Promise<SnippetError[]> {
  if (files.length > 0 && !process.features.typescript) {
    const message = `Node ${process.version} cannot strip types: run the check with Node >= 22.18`;
    return files.map(({ block }) => ({ where: `${block.file}:${block.line}`, message, block }));
  }
  const failures: SnippetError[] = [];
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const failure = await runOne(file, timeoutMs);
      if (failure)
        failures.push({ where: `${file.block.file}:${file.block.line}`, message: failure });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return failures;
}

async function runOne({ block, path: modulePath }: SnippetFile, timeoutMs: number) {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', modulePath], {
    cwd: path.dirname(modulePath),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  let timedOut = false;
  const kill = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve) => {
    child.once('close', (exitCode) => resolve(exitCode));
    child.once('error', (error) => {
      output += String(error);
      resolve(null);
    });
  });
  clearTimeout(kill);
  if (!timedOut && code === 0) return undefined;
  const moduleLine = new RegExp(`[^\\s()]*${escapeRegExp(path.basename(modulePath))}:(\\d+)`, 'g');
  const mapped = output.replace(
    moduleLine,
    (_match, line: string) => `${block.file}:${block.line + Number(line)}`,
  );
  const tail = mapped.trimEnd().split('\n').slice(-shownOutputLines).join('\n');
  const verdict = timedOut
    ? `still running after ${timeoutMs} ms (a server, socket or timer left open?): killed`
    : `exited with code ${code}`;
  return tail ? `${verdict}\n${tail}` : verdict;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
