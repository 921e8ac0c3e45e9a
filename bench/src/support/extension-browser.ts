import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHub } from '@rapport/server/testing';
import { chromium } from 'playwright-core';
import { percentile } from '../measure.js';

/**
 * Runs in the Gmail page: takes the thread out, puts it back, and waits for the sidebar to say
 * it showed the cached card; answers the milliseconds in between (the page's clock).
 */
const REINSERT_THREAD = `(async () => {
  const host = document.getElementById('rapport-sidebar');
  const thread = document.querySelector('div.nH.if');
  const parent = thread.parentElement;
  thread.remove();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const before = host.dataset.cardShownAt;
  const start = performance.now();
  parent.append(thread);
  for (;;) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (host.dataset.cardShownAt !== before) return Number(host.dataset.cardShownAt) - start;
    if (performance.now() - start > 5000) return NaN;
  }
})()`;

/**
 * Loads the built extension in Debian's Chromium against a hub, opens a Gmail-shaped thread
 * once (so its card is cached), then re-inserts the thread `rounds` times and measures, in the
 * page's own clock, from the thread entering the page to the sidebar showing the cached card.
 */
export async function cachedCardTimes(extensionDir: string, threadHtml: string, rounds: number): Promise<{ median: number; p90: number }> {
  const test = await createTestHub({ config: { port: 0, host: '127.0.0.1' } });
  const { url } = await test.hub.listen();
  const ann = await test.hub.store.read((uow) => uow.users.get(test.ids.ann));
  if (!ann) throw new Error('no test user');
  const actor = { user: ann, surface: 'api' as const };
  const acme = await test.hub.services.accounts.create(actor, { name: 'Acme Corp', domains: ['acme.example'] });
  await test.hub.services.contacts.create(actor, { name: 'Zoë Ångström', emails: ['zoe@acme.example'], accountId: acme.id });
  const profile = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate(
      ([hubUrl, token]) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ settings: { mode: 'hub', hubUrl, token, neverLog: [], localName: '', localEmail: '', sidebarCollapsed: false } }),
      [url, test.tokens.ann] as const,
    );
    await context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: threadHtml }));
    const page = await context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/bench');
    await page.waitForSelector('#rapport-sidebar[data-ready="true"]', { state: 'attached', timeout: 20_000 });
    const times: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      const ms = (await page.evaluate(REINSERT_THREAD)) as number;
      if (Number.isFinite(ms)) times.push(ms);
      await page.waitForSelector('#rapport-sidebar[data-ready="true"]', { state: 'attached' });
    }
    times.sort((a, b) => a - b);
    return { median: percentile(times, 0.5), p90: percentile(times, 0.9) };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await test.hub.close();
  }
}
