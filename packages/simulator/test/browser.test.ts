import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../src/index';
import { bundleInjectEntry } from './browser/bundle-inject-entry';
import { type PageServer, startPageServer } from './browser/page-server';
import { startForTest } from './helpers';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
// As scripts/check-docs.sh: under CI a missing Chromium fails, locally the test is skipped.
const skipReason = `Chromium not found at ${chromiumPath} (apt-get install chromium)`;
const skipped = !hasChromium && process.env.CI !== 'true';

// No favicon request, so the console shows only the calls' own failures.
const NO_FAVICON = '<link rel="icon" href="data:,">';

type Browser = Awaited<ReturnType<typeof chromium.launchPersistentContext>>;

describe.skipIf(skipped)(
  `in headless Chromium${skipped ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let page: PageServer;
    let browser: Browser;
    let userDataDir: string;

    beforeAll(async () => {
      if (!hasChromium) throw new Error(skipReason);
      const bundle = await bundleInjectEntry();
      page = await startPageServer({
        '/': {
          type: 'text/html; charset=utf-8',
          body: `<!doctype html>${NO_FAVICON}<title>page</title>`,
        },
        // The page loads the bundle as an app would, and leaves it where the test can reach it.
        '/inject.html': {
          type: 'text/html; charset=utf-8',
          body: `<!doctype html>${NO_FAVICON}<script type="module">
          import * as simulator from './inject.js';
          globalThis.simulatorInject = simulator;
        </script>`,
        },
        '/inject.js': { type: 'text/javascript', body: bundle.code },
      });
      userDataDir = await mkdtemp(path.join(tmpdir(), 'simulator-chromium-'));
      browser = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await page?.close();
      if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    });

    async function openPage(pathname = '/') {
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`${page.origin}${pathname}`);
      return { tab, errors };
    }

    it('a page of another loopback origin calls the simulator with fetch', async () => {
      const simulator: RunningSimulator = await startForTest({
        models: { tight: { rateLimit: { requestsPerWindow: 1 } } },
      });
      const { tab, errors } = await openPage();
      const seen = await tab.evaluate(async (baseURL) => {
        const post = (body: object) =>
          fetch(`${baseURL}/chat/completions`, {
            method: 'POST',
            headers: {
              authorization: 'Bearer sk-page',
              'content-type': 'application/json',
              'x-stainless-retry-count': '0',
            },
            body: JSON.stringify(body),
          });
        const messages = [{ role: 'user', content: 'Hi' }];
        const answer = await post({ model: 'gpt-sim', messages });
        const json = await answer.json();
        const stream = await post({ model: 'gpt-sim', messages, stream: true });
        const events = await stream.text();
        await post({ model: 'tight', messages });
        const refused = await post({ model: 'tight', messages });
        return {
          origin: location.origin,
          status: answer.status,
          object: json.object,
          remainingRequests: answer.headers.get('x-ratelimit-remaining-requests'),
          limitTokens: answer.headers.get('x-ratelimit-limit-tokens'),
          streamType: stream.headers.get('content-type'),
          streamEnded: events.trimEnd().endsWith('data: [DONE]'),
          streamRemaining: stream.headers.get('x-ratelimit-remaining-tokens'),
          refusedStatus: refused.status,
          retryAfterMs: refused.headers.get('retry-after-ms'),
        };
      }, simulator.baseURL);
      await tab.close();
      expect(seen.origin).not.toBe(new URL(simulator.baseURL).origin);
      expect(seen).toMatchObject({
        status: 200,
        object: 'chat.completion',
        remainingRequests: '999999',
        limitTokens: '1000000000',
        streamType: 'text/event-stream; charset=utf-8',
        streamEnded: true,
        refusedStatus: 429,
      });
      expect(Number(seen.streamRemaining)).toBeGreaterThan(0);
      expect(Number(seen.retryAfterMs)).toBeGreaterThan(0);
      // The 429 the page asked for, and no CORS failure.
      expect(errors).toEqual([
        'Failed to load resource: the server responded with a status of 429 (Too Many Requests)',
      ]);
      expect(simulator.stats().byKey['sk-page']?.requests).toBe(4);
    });

    it('runs the bundled inject entry in the page', async () => {
      const { tab, errors } = await openPage('/inject.html');
      await tab.waitForFunction(() => 'simulatorInject' in globalThis);
      const seen = await tab.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: the page's module, untyped in the page
        const simulator = (globalThis as any).simulatorInject;
        const clock = simulator.createManualClock();
        const call = simulator.injectFaults(
          async () => 'answer',
          { faults: [{ type: 'overloaded' }] },
          { clock },
        );
        const error = await call().catch((caught: unknown) => caught);
        const healthy = await simulator.injectFaults(async () => 'answer', 'steady')();
        let invalidField: string | undefined;
        try {
          simulator.validateConfig({ cors: { origins: ['nope'] } });
        } catch (caught) {
          invalidField = (caught as { field: string }).field;
        }
        return {
          isFault: simulator.SimulatedFaultError.isInstance(error),
          status: (error as { statusCode: number }).statusCode,
          healthy,
          invalidField,
        };
      });
      await tab.close();
      expect(seen).toEqual({
        isFault: true,
        status: 529,
        healthy: 'answer',
        invalidField: 'cors.origins[0]',
      });
      expect(errors).toEqual([]);
    });
  },
);
