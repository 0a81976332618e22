import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { createClient } from 'redis';

/** A redis-server the bench started on a loopback port. */
export interface RedisProcess {
  readonly url: string;
  readonly pid: number;
  /**
   * Commands the server has processed so far: in all (`INFO stats`
   * `total_commands_processed`, counting those scripts run) and the script calls among them
   * that ran (`EVALSHA` and `EVAL` of `INFO commandstats`, less their `failed_calls`: the
   * first call of a script in a process answers `NOSCRIPT`, and the client loads it). Each is
   * one round trip of a client.
   */
  commandsProcessed(): Promise<{ total: number; scriptCalls: number }>;
  /** Stops the server by its PID and waits for it to exit. */
  stop(): Promise<void>;
}

/** The `redis-server` binary on PATH, or undefined when it is not installed. */
export function findRedisServer(): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((directory) => join(directory, 'redis-server'))
    .find((candidate) => existsSync(candidate));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
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

/** Reads `total_commands_processed`, on a connection of its own that it closes again. */
async function readCommandsProcessed(url: string) {
  const client = createClient({ url });
  await client.connect();
  try {
    const stats = await client.info('stats');
    const commandStats = await client.info('commandstats');
    const statOf = (command: string, field: string) =>
      Number(new RegExp(`cmdstat_${command}:.*\\b${field}=(\\d+)`).exec(commandStats)?.[1] ?? 0);
    const ranOf = (command: string) => statOf(command, 'calls') - statOf(command, 'failed_calls');
    return {
      total: Number(/total_commands_processed:(\d+)/.exec(stats)?.[1] ?? Number.NaN),
      scriptCalls: ranOf('evalsha') + ranOf('eval'),
    };
  } finally {
    await client.quit();
  }
}

/** Starts `binary` on a free 127.0.0.1 port without persistence; resolves once it accepts connections. */
export async function startRedisProcess(binary: string): Promise<RedisProcess> {
  const port = await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
  });
  child.removeAllListeners('exit');
  child.stdout.resume();
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    pid: child.pid!,
    commandsProcessed: () => readCommandsProcessed(url),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(child.pid!, 'SIGTERM');
      }),
  };
}
