// Runs the smoke checks (smoke/) under every runtime we claim beyond Node: Bun, Deno and
// Vercel's edge-runtime, each from the npm registry, and a browser bundle in headless Chromium
// (Debian's, from another origin: through the simulator's CORS), against one simulator on
// 127.0.0.1. Under CI=true a missing Chromium is a failure; elsewhere it is skipped.
// Writes .reports/runtimes.json in the shape of a vitest JSON report, so the test count line
// of scripts/check.sh counts each runtime's checks, and prints a table.
//
//   node runtimes/run-matrix.ts        # from the repository root, after `pnpm run build`
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '@resilient-llm/simulator';
import { runInChromium } from './browser.ts';
import { bundleForEdge, ensureRuntimes, runInEdgeRuntime, runProgram } from './runtimes.ts';
import type { CheckResult } from './smoke/check.ts';

const here = dirname(fileURLToPath(import.meta.url));
const reportFile = join(here, '..', '.reports', 'runtimes.json');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const tools = ensureRuntimes();
const simulator = await startSimulator({ scenario: 'steady', seed: 5 });
const results = new Map<string, CheckResult[]>();
try {
  const env = { SIMULATOR_URL: simulator.baseURL };
  results.set('bun', await runProgram(tools.bun, ['run', 'smoke/main.ts'], env));
  results.set('deno', await runProgram(tools.deno, ['run', '-A', 'smoke/main.ts'], env));
  const bundle = await bundleForEdge(simulator.baseURL);
  results.set('edge-runtime', await runInEdgeRuntime(tools, bundle));
  if (existsSync(chromiumPath)) results.set('chromium', await runInChromium(chromiumPath, bundle));
  else if (process.env.CI === 'true') {
    results.set('chromium', [
      { name: 'runs', ok: false, detail: `no Chromium at ${chromiumPath}` },
    ]);
  } else console.log(`no Chromium at ${chromiumPath}: the browser checks are skipped`);
} finally {
  await simulator.close();
}

const assertionResults = [...results].flatMap(([runtime, checks]) =>
  checks.map((check) => ({
    fullName: `${runtime} > ${check.name}`,
    status: check.ok ? 'passed' : 'failed',
    failureMessages: check.detail ? [check.detail] : [],
  })),
);
const passed = assertionResults.filter((result) => result.status === 'passed').length;
const failed = assertionResults.length - passed;
mkdirSync(dirname(reportFile), { recursive: true });
writeFileSync(
  reportFile,
  JSON.stringify({
    numTotalTests: assertionResults.length,
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: 0,
    numTodoTests: 0,
    testResults: [
      { name: 'runtime matrix', status: failed ? 'failed' : 'passed', assertionResults },
    ],
  }),
);
for (const result of assertionResults) {
  const detail = result.failureMessages[0] ? `  (${result.failureMessages[0]})` : '';
  console.log(`${result.status === 'passed' ? 'ok    ' : 'FAILED'} ${result.fullName}${detail}`);
}
console.log(`runtime matrix: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || assertionResults.length === 0 ? 1 : 0;
