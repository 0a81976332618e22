import { type RunningSimulator, startSimulator } from '@resilient-llm/simulator';
import { runChild } from '@resilient-llm/test-utils/run-child';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeWithRedis } from './describe-with-redis';

// Real processes share one circuit breaker on a real redis-server, against a simulator that
// fails every request, on the real clock (processes cannot share a manual one). Each phase is
// a few calls; every child is killed after EXIT_BOUND_MS at the latest.
const OPEN_MS = 6_000;
const EXIT_BOUND_MS = 30_000;
// Time a child gets to load its sources and connect before its first call.
const START_DELAY_MS = 2_500;
const worker = new URL('./child/breaker-worker.ts', import.meta.url);

interface WorkerReport {
  outcomes: string[];
  settledAt: number;
}

describeWithRedis('a circuit breaker shared by processes on Redis', (server) => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({
      seed: 3,
      models: { 'gpt-sim': { faults: [{ type: 'server-error', status: 500 }] } },
    });
    vi.stubEnv('BREAKER_BASE_URL', simulator.baseURL);
    vi.stubEnv('BREAKER_PREFIX', `breaker-test-${crypto.randomUUID()}:`);
    vi.stubEnv('BREAKER_OPEN_MS', String(OPEN_MS));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await simulator?.close();
  });

  async function runWorkers(count: number, calls: number, startAt: number) {
    vi.stubEnv('BREAKER_REDIS_URL', server().url);
    vi.stubEnv('BREAKER_CALLS', String(calls));
    vi.stubEnv('BREAKER_START_AT', String(startAt));
    const exits = await Promise.all(
      Array.from({ length: count }, () => runChild(worker, { exitBoundMs: EXIT_BOUND_MS })),
    );
    return exits.map((exit) => {
      expect({ code: exit.code, killed: exit.killed, output: exit.output }).toMatchObject({
        code: 0,
        killed: false,
      });
      return JSON.parse(exit.output.trim().split('\n').at(-1)!) as WorkerReport;
    });
  }

  it('opens in every process once one opens it, and lets exactly one probe through after the open period', async () => {
    // One process meets five failures in a row: its breaker opens, and so does the fleet's.
    const [opener] = await runWorkers(1, 6, Date.now() + START_DELAY_MS);
    expect(opener!.outcomes).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
      'circuit-open',
    ]);
    expect(simulator.stats().requests).toBe(5);

    // A process that never saw a failure refuses at once, sending nothing.
    const [bystander] = await runWorkers(1, 2, Date.now() + START_DELAY_MS);
    expect(bystander!.outcomes).toEqual(['circuit-open', 'circuit-open']);
    expect(simulator.stats().requests).toBe(5);

    // Once the open period is over, three processes call at the same moment: the one that wins
    // the fleet's probe lease probes (and its failure reopens the breaker), the others refuse.
    const afterOpenPeriod = opener!.settledAt + OPEN_MS + 500;
    const probers = await runWorkers(3, 1, Math.max(afterOpenPeriod, Date.now() + START_DELAY_MS));
    const outcomes = probers.map((report) => report.outcomes[0]).sort();
    expect(outcomes).toEqual(['circuit-open', 'circuit-open', 'failed']);
    expect(simulator.stats().requests).toBe(6);
  }, 90_000);
});
