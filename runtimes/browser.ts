import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { CheckResult } from './smoke/check.ts';

/** Longest the page may take for every check together. */
const pageTimeoutMs = 60_000;

/**
 * Serves the bundle from its own loopback origin (so every call to the simulator is
 * cross-origin and needs its CORS answers), opens it in headless Chromium and reads back the
 * checks' results.
 */
export async function runInChromium(chromiumPath: string, code: string): Promise<CheckResult[]> {
  const page = `<!doctype html><meta charset="utf-8"><title>smoke</title><script src="/smoke.js"></script>`;
  const server = createServer((request, response) => {
    const script = request.url === '/smoke.js';
    response.writeHead(200, {
      'content-type': script ? 'text/javascript' : 'text/html',
    });
    response.end(script ? code : page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const userDataDir = await mkdtemp(join(tmpdir(), 'runtime-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const tab = browser.pages()[0] ?? (await browser.newPage());
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(origin, { waitUntil: 'load' });
    const results = await tab.evaluate(
      (timeoutMs) =>
        Promise.race([
          (globalThis as { smokeResults?: Promise<unknown> }).smokeResults,
          new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), timeoutMs)),
        ]),
      pageTimeoutMs,
    );
    if (!Array.isArray(results)) {
      return [{ name: 'loads', ok: false, detail: pageErrors.join('; ') || 'no results' }];
    }
    return results as CheckResult[];
  } catch (error) {
    return [
      { name: 'runs', ok: false, detail: error instanceof Error ? error.message : String(error) },
    ];
  } finally {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
    await new Promise((resolve) => server.close(resolve));
  }
}
