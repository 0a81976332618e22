import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimulatorConfig } from '../config/types';
import { validateConfig } from '../config/validate-config';
import { systemClock } from '../time/clock';
import { openAIError } from './error-bodies';
import { handleRequest } from './handle-request';
import { ModelRegistry } from './model-registry';
import type { ServerState } from './server-state';
import { copyStats, type SimulatorStats } from './stats';
import { StatsRecorder } from './stats-recorder';

const SERVER_CLOSED = new Error('The simulator closed.');

/** A running simulator. */
export interface RunningSimulator {
  /** Base URL for SDKs, e.g. `http://127.0.0.1:8787/v1`. */
  readonly baseURL: string;
  /** The port it listens on. */
  readonly port: number;
  /** A snapshot of the traffic counters. */
  stats(): SimulatorStats;
  /** Zeroes the traffic counters. */
  resetStats(): void;
  /** Stops listening and ends every open connection, hung and stalled ones included. */
  close(): Promise<void>;
}

/**
 * Validates `config` (throwing `InvalidOptionError` naming the bad field) and starts an
 * OpenAI-compatible server on 127.0.0.1. Port 0 (the default) picks a free port.
 */
export async function startSimulator(config: SimulatorConfig = {}): Promise<RunningSimulator> {
  const validated = validateConfig(config);
  const clock = validated.clock ?? systemClock;
  const state: ServerState = {
    config: validated,
    clock,
    startedAt: clock.now(),
    stats: new StatsRecorder(),
    models: new ModelRegistry(validated, clock),
    active: new Set(),
    nextId: 1,
  };
  const server = createServer({ keepAliveTimeout: 5000 }, (request, response) => {
    handleRequest(state, request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      const message = error instanceof Error ? error.message : String(error);
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify(openAIError(`Simulator failure: ${message}`, 'server_error')));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(validated.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    stats: () => copyStats(state.stats.current()),
    resetStats: () => state.stats.reset(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const controller of state.active) controller.abort(SERVER_CLOSED);
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
