// Type-checks a small consumer against the built package as a user installs it: only this
// package's dist and its dependency @resilient-llm/policies, no optional peer (@ai-sdk/provider),
// no @types/node, `skipLibCheck: false`, under the Bundler and the NodeNext resolutions.
// Run by `check:package` after the build; exits 1 with the compiler's errors.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const packageDir = path.resolve(import.meta.dirname, '..');
const policiesDir = path.resolve(packageDir, '../policies');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const consumer = `
import { startSimulator, type RunningSimulator, type SimulatorConfig } from '@resilient-llm/simulator';
import {
  type FaultInjectableEmbeddingModel,
  type FaultInjectableLanguageModel,
  injectEmbeddingModelFaults,
  injectFaults,
  injectLanguageModelFaults,
  SimulatedFaultError,
  validateConfig,
} from '@resilient-llm/simulator/inject';

const config: SimulatorConfig = { scenario: 'overloaded', cors: { origins: ['http://localhost:5173'] } };
export const validated = validateConfig(config);
export const started: Promise<RunningSimulator> = startSimulator(config);
export const flaky = injectFaults(async (id: number) => ({ id }), { faults: [{ type: 'hang' }] });
declare const languageModel: FaultInjectableLanguageModel;
declare const embeddingModel: FaultInjectableEmbeddingModel;
export const chaotic = injectLanguageModelFaults(languageModel, 'flaky-stream');
export const slow = injectEmbeddingModelFaults(embeddingModel, 'slow-first-token');
export const isFault = (error: unknown): boolean =>
  SimulatedFaultError.isInstance(error) && error.statusCode === 529;
`;

const resolutions = [
  { module: 'esnext', moduleResolution: 'bundler' },
  { module: 'nodenext', moduleResolution: 'nodenext' },
];
const strictest = {
  noEmit: true,
  strict: true,
  skipLibCheck: false,
  target: 'es2023',
  lib: ['es2023', 'dom'],
  types: [],
};

const root = mkdtempSync(path.join(tmpdir(), 'simulator-consumer-'));
let failed = false;
try {
  const install = (from, name) => {
    const to = path.join(root, 'node_modules', '@resilient-llm', name);
    cpSync(path.join(from, 'package.json'), path.join(to, 'package.json'));
    cpSync(path.join(from, 'dist'), path.join(to, 'dist'), { recursive: true });
  };
  install(packageDir, 'simulator');
  install(policiesDir, 'policies');
  writeFileSync(path.join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(path.join(root, 'consumer.ts'), consumer);
  for (const resolution of resolutions) {
    const compilerOptions = { ...strictest, ...resolution };
    const tsconfig = JSON.stringify({ compilerOptions, files: ['consumer.ts'] });
    writeFileSync(path.join(root, 'tsconfig.json'), tsconfig);
    const name = `consumer types check (${resolution.moduleResolution})`;
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
      console.log(`${name}: ok`);
    } catch (error) {
      failed = true;
      console.error(`${name} failed:\n${error.stdout}${error.stderr}`);
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
