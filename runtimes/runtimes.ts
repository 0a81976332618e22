import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { resultsMarker } from './smoke/all-checks.ts';
import { type CheckResult, check } from './smoke/check.ts';

const here = dirname(fileURLToPath(import.meta.url));
const toolsDir = join(here, '..', '.tools', 'runtimes');

/** The versions checked on this kind of machine; each comes from the npm registry. */
const runtimeVersions = { bun: '1.4.5', deno: '2.9.6', 'edge-runtime': '4.0.1' } as const;

/** Longest a runtime may take for every check together. */
const runtimeTimeoutMs = 120_000;

/** Where each runtime's binary (or package) lives once installed. */
export interface RuntimeTools {
  readonly bun: string;
  readonly deno: string;
  readonly edgeRuntimeDir: string;
}

/** Installs the runtimes into .tools/runtimes unless they are there, and says where they are. */
export function ensureRuntimes(): RuntimeTools {
  const bin = join(toolsDir, 'node_modules', '.bin');
  const tools = {
    bun: join(bin, 'bun'),
    deno: join(bin, 'deno'),
    edgeRuntimeDir: join(toolsDir, 'node_modules', 'edge-runtime'),
  };
  if (!existsSync(tools.bun) || !existsSync(tools.deno) || !existsSync(tools.edgeRuntimeDir)) {
    const specs = Object.entries(runtimeVersions).map(([name, version]) => `${name}@${version}`);
    console.log(`installing ${specs.join(', ')} into .tools/runtimes`);
    execFileSync('npm', ['install', '--prefix', toolsDir, '--no-audit', '--no-fund', ...specs], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return tools;
}

/**
 * Runs a smoke program with `command args` in this folder and reads back its results line.
 * A program that fails, hangs past the timeout or prints no results gives one failed check.
 */
export function runProgram(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<CheckResult[]> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: here,
      env: { ...process.env, ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), runtimeTimeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = output.split('\n').find((text) => text.startsWith(resultsMarker));
      if (line) resolve(JSON.parse(line.slice(resultsMarker.length)) as CheckResult[]);
      else resolve([{ name: 'runs', ok: false, detail: `exit ${code}: ${output.slice(-400)}` }]);
    });
  });
}

/** Bundles the smoke checks as one IIFE for edge-runtime, with the simulator's URL compiled in. */
export async function bundleForEdge(simulatorURL: string): Promise<string> {
  const result = await build({
    entryPoints: [join(here, 'smoke', 'edge-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2023',
    write: false,
    define: { SIMULATOR_URL: JSON.stringify(simulatorURL) },
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

/** What the smoke run uses of edge-runtime's `EdgeRuntime`. */
interface EdgeRuntimeInstance {
  evaluate<T = unknown>(code: string): T;
}

/** Evaluates the bundle in an `EdgeRuntime` (the package Vercel's edge functions run on). */
export async function runInEdgeRuntime(tools: RuntimeTools, code: string): Promise<CheckResult[]> {
  const requireFromTools = createRequire(join(tools.edgeRuntimeDir, 'package.json'));
  const { EdgeRuntime } = (await import(
    pathToFileURL(requireFromTools.resolve('edge-runtime')).href
  )) as { EdgeRuntime: new () => EdgeRuntimeInstance };
  const runtime = new EdgeRuntime();
  const outcome = await check('loads', async () => {
    runtime.evaluate(code);
    return true;
  });
  if (!outcome.ok) return [outcome];
  const results = (await runtime.evaluate<Promise<CheckResult[]>>('globalThis.smokeResults')) ?? [];
  return results.map((result) => ({ ...result }));
}
