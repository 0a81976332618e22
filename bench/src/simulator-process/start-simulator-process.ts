import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { SimulatorConfig, SimulatorStats } from '@resilient-llm/simulator';
import type { SimulatorReply, SimulatorRequest } from './simulator-messages.ts';

const childScript = fileURLToPath(new URL('./simulator-child.ts', import.meta.url));

/** How long a simulator process may take to close before it is killed. */
const CLOSE_BOUND_MS = 5_000;

/** A simulator running in a child process of the bench. */
export interface SimulatorProcess {
  readonly baseURL: string;
  readonly pid: number;
  /** The simulator's counters as of now. */
  stats(): Promise<SimulatorStats>;
  /** Closes the simulator and waits for its process to exit (killed by PID if it hangs). */
  close(): Promise<void>;
}

function nextReply<T extends SimulatorReply['type']>(child: ChildProcess, type: T) {
  return new Promise<Extract<SimulatorReply, { type: T }>>((resolve, reject) => {
    const onMessage = (message: SimulatorReply) => {
      if (message.type !== type) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message as Extract<SimulatorReply, { type: T }>);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`the simulator process exited (${code}) before answering ${type}`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts a simulator with `config` in its own Node process and resolves once it listens. */
export async function startSimulatorProcess(config: SimulatorConfig): Promise<SimulatorProcess> {
  const child = fork(childScript, [JSON.stringify(config)], { stdio: 'inherit' });
  const { baseURL } = await nextReply(child, 'ready');
  const send = (request: SimulatorRequest) => child.send(request);
  return {
    baseURL,
    pid: child.pid!,
    async stats() {
      const reply = nextReply(child, 'stats');
      send({ type: 'stats' });
      return (await reply).stats;
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      const kill = setTimeout(() => process.kill(child.pid!, 'SIGKILL'), CLOSE_BOUND_MS);
      send({ type: 'close' });
      await exited;
      clearTimeout(kill);
    },
  };
}
