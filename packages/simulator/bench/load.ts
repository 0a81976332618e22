// Load check of the simulator: bounded non-streaming chat completions over keep-alive for a
// few seconds, reporting requests/s, latency and the server's RSS before and after.
// Run after a build: `node packages/simulator/bench/load.ts [--seconds 10] [--concurrency 64] [--in-process]`
// The server runs in a child process (its own core) unless --in-process is given.
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSimulator } from '../dist/index.js';

interface Memory {
  rss: number;
  /** Heap in use after a full collection: growth here, unlike RSS, would mean a leak. */
  heapAfterGc: number;
}

interface ServerHandle {
  baseURL: string;
  rss(): Promise<Memory>;
  close(): Promise<void>;
}

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '64' },
    'in-process': { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
  },
});

if (values.serve) {
  // Child mode: serve and answer RSS questions from the parent.
  const simulator = await startSimulator({ seed: 1 });
  process.send?.({ baseURL: simulator.baseURL });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'rss') process.send?.(memory());
    if (message.type === 'close') void simulator.close().then(() => process.exit(0));
  });
} else {
  await main();
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  const server = values['in-process'] ? await startInProcess() : await startChild();
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const body = JSON.stringify({
    model: 'bench-model',
    max_tokens: 16,
    messages: [{ role: 'user', content: 'Summarise the benefits of pacing requests.' }],
  });
  const url = new URL(`${server.baseURL}/chat/completions`);

  await run(url, body, agent, concurrency, 1000); // warm-up
  const rssBefore = await server.rss();
  const result = await run(url, body, agent, concurrency, seconds * 1000);
  const rssAfter = await server.rss();
  agent.destroy();
  await server.close();

  const latencies = result.latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `mode:            ${values['in-process'] ? 'in-process' : 'server in a child process'}`,
  );
  console.log(`duration:        ${seconds} s, concurrency ${concurrency}, keep-alive`);
  console.log(`requests:        ${result.ok} ok, ${result.failed} failed`);
  console.log(`throughput:      ${Math.round(result.ok / seconds)} req/s`);
  console.log(
    `latency:         p50 ${percentile(0.5).toFixed(2)} ms, p99 ${percentile(0.99).toFixed(2)} ms`,
  );
  console.log(`server RSS:      ${mb(rssBefore.rss)} before, ${mb(rssAfter.rss)} after`);
  if (Number.isFinite(rssAfter.heapAfterGc)) {
    const heap = `${mb(rssBefore.heapAfterGc)} before, ${mb(rssAfter.heapAfterGc)} after`;
    console.log(`server heap:     ${heap} (after a full GC)`);
  }
}

function memory(): Memory {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  return {
    rss: process.memoryUsage().rss,
    heapAfterGc: collect ? process.memoryUsage().heapUsed : Number.NaN,
  };
}

async function run(url: URL, body: string, agent: Agent, concurrency: number, durationMs: number) {
  const endAt = performance.now() + durationMs;
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const worker = async () => {
    while (performance.now() < endAt) {
      const startedAt = performance.now();
      const status = await post(url, body, agent);
      latencies.push(performance.now() - startedAt);
      if (status === 200) ok += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ok, failed, latencies };
}

function post(url: URL, body: string, agent: Agent): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: 'Bearer bench-key',
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', () => resolve(0));
    outgoing.end(body);
  });
}

async function startInProcess(): Promise<ServerHandle> {
  const simulator = await startSimulator({ seed: 1 });
  return {
    baseURL: simulator.baseURL,
    rss: async () => memory(),
    close: () => simulator.close(),
  };
}

async function startChild(): Promise<ServerHandle> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    stdio: 'inherit',
    execArgv: ['--expose-gc'],
  });
  const next = <T>() =>
    new Promise<T>((resolve) => child.once('message', (message) => resolve(message as T)));
  const { baseURL } = await next<{ baseURL: string }>();
  return {
    baseURL,
    async rss() {
      const reply = next<Memory>();
      child.send({ type: 'rss' });
      return reply;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' });
      await exited;
    },
  };
}
