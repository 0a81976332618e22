// Opens the built site in headless Chromium: the home page, a recipe page and the benchmark
// page must load with no console error, and the local search must find a recipe. Exits 1 on
// any failure. Run after `vitepress build`; scripts/check-docs.sh does both.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startStaticServer } from './static-server.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const pages = [
  { path: '/', expect: 'LLM calls that survive the real world' },
  { path: '/recipes/failover', expect: 'createResilientOpenAI' },
  { path: '/benchmark', expect: 'pnpm bench' },
];

const errors: string[] = [];
const watch = (page: Page) => {
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(`console: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
};

async function search(page: Page, query: string, expectedPath: string): Promise<void> {
  await page.locator('.VPNavBarSearch button').first().click();
  const input = page.locator('.VPLocalSearchBox input');
  await input.fill(query);
  const firstResult = page.locator('.VPLocalSearchBox .result').first();
  await firstResult.waitFor({ timeout: 10_000 });
  await firstResult.click();
  await page.waitForURL((url) => url.pathname.startsWith(expectedPath), { timeout: 10_000 });
}

const site = await startStaticServer(join(import.meta.dirname, '..', '.vitepress', 'dist'));
const userDataDir = await mkdtemp(join(tmpdir(), 'docs-chromium-'));
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
  const page = browser.pages()[0] ?? (await browser.newPage());
  watch(page);
  for (const { path, expect } of pages) {
    await page.goto(`${site.origin}${path}`, { waitUntil: 'networkidle' });
    const text = (await page.locator('main, .VPContent').first().textContent()) ?? '';
    if (!text.includes(expect)) errors.push(`${path}: "${expect}" not on the page`);
    console.log(`opened ${path}`);
  }
  await search(page, 'first-token timeout streaming', '/recipes/streaming-route');
  console.log(`search found ${new URL(page.url()).pathname}`);
} catch (error) {
  errors.push(`check failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await browser.close();
  await site.close();
  await rm(userDataDir, { recursive: true, force: true });
}

if (errors.length > 0) {
  console.error(errors.join('\n'));
  process.exit(1);
}
console.log('browser check passed');
