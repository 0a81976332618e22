import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** The `redis-server` binary on PATH, or undefined when it is not installed. */
export function findRedisServer(): string | undefined {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(directory, 'redis-server');
    if (directory && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A redis-server this test run started on a loopback port. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** The process id of the server. */
  readonly pid: number;
  /** Kills the server at once (SIGKILL, `kill -9`) and resolves when it has exited. */
  kill(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open and nothing answers. */
  freeze(): void;
  /** Lets a frozen server go on (SIGCONT). */
  thaw(): void;
}

/** A loopback port nothing listens on (as this moment). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `redis-server` on `port` (a free one by default) bound to 127.0.0.1, without
 * persistence, and resolves once it accepts connections (it says so on stdout). Give the port
 * of a server that was killed to restart it where its clients reconnect.
 */
export async function startRedisServer(binary: string, port?: number): Promise<RedisServer> {
  port ??= await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid!,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    freeze() {
      child.kill('SIGSTOP');
    },
    thaw() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGCONT');
    },
  };
}
