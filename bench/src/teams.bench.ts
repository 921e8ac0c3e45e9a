import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { BenchOptions } from './options.js';
import type { Report } from './report.js';
import { adminToken } from './support/admin-token.js';
import { spawnUntil, stop } from './support/child.js';
import { sqliteFile } from './support/datasets.js';

const BENCH = 'teams';
const repo = fileURLToPath(new URL('../..', import.meta.url));
const TAB = join(repo, 'teams-app/dist/tab');
const FIRST_VIEW_KB_GZ = 150;
const BOARD_MS = 1_000;
const RUNS = 7;

const gzipKb = (file: string): number => gzipSync(readFileSync(join(TAB, file)), { level: 9 }).length / 1024;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The scripts index.html loads, and the chunk the entry loads when framed by Teams (teams-js). */
function firstViewScripts(): { entry: string[]; teams: string[] } {
  const html = readFileSync(join(TAB, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  const teams = entry.flatMap((file) => [...readFileSync(join(TAB, file), 'utf8').matchAll(/["'`]\.\/(teams-host-[\w-]+\.js)["'`]/g)].map((m) => `assets/${m[1] as string}`));
  return { entry, teams: [...new Set(teams)] };
}

/**
 * The requests the board makes, in the same order and parallelism as the tab (who am I, teams,
 * pipelines and people; then the stage totals, the stale deals and each stage's first cards;
 * then the cards' accounts), timed from Node: the hub's own share of the time to a drawn board,
 * and to a board with every account name in.
 */
async function boardRequestsMs(url: string, token: string): Promise<{ board: number; names: number }> {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  const started = performance.now();
  await get('/api/v1/me');
  const [, pipelines] = await Promise.all([get('/api/v1/teams'), get<{ items: Array<{ id: string; isDefault: boolean; stages: Array<{ id: string }> }> }>('/api/v1/pipelines'), get('/api/v1/users?limit=200')]);
  const pipeline = pipelines.items.find((p) => p.isDefault) ?? pipelines.items[0];
  if (!pipeline) throw new Error('No pipeline');
  const [, , ...pages] = await Promise.all([
    get(`/api/v1/pipeline?pipelineId=${pipeline.id}&scope=all`),
    get(`/api/v1/stale-deals?pipelineId=${pipeline.id}&scope=all&limit=200`),
    ...pipeline.stages.map((s) => get<{ items: Array<{ accountId: string }> }>(`/api/v1/deals?status=open&pipelineId=${pipeline.id}&stageId=${s.id}&limit=20`)),
  ]);
  const board = performance.now() - started;
  const accounts = [...new Set((pages as Array<{ items: Array<{ accountId: string }> }>).flatMap((p) => p.items.map((d) => d.accountId)))];
  // As the tab names its cards: the accounts by id, up to 200 in one request.
  const batches = Array.from({ length: Math.ceil(accounts.length / 200) }, (_, i) => accounts.slice(i * 200, i * 200 + 200));
  await Promise.all(batches.map((ids) => get(`/api/v1/accounts?ids=${ids.join(',')}&limit=${ids.length}`)));
  return { board, names: performance.now() - started };
}

/**
 * The Teams tab: the JavaScript shipped for its first view (gzipped, as the hub serves it), and
 * the time from opening the tab to a rendered pipeline board in Debian's Chromium with the
 * generated dataset behind a hub on SQLite in its own process, beside the time the hub takes to
 * answer the same requests from Node.
 */
export async function teamsBench(options: BenchOptions, report: Report): Promise<void> {
  const built = spawnSync(process.execPath, [join(repo, 'teams-app/scripts/build.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`The Teams tab did not build:\n${built.stderr}`);
  const { entry, teams } = firstViewScripts();
  const css = [...readFileSync(join(TAB, 'index.html'), 'utf8').matchAll(/href="\.\/([^"]+\.css)"/g)].map((m) => m[1] as string);
  const browserKb = entry.reduce((n, f) => n + gzipKb(f), 0);
  const teamsKb = browserKb + teams.reduce((n, f) => n + gzipKb(f), 0);
  report.figure({ bench: BENCH, name: 'first view JS, gzipped (browser)', value: browserKb, unit: 'KB' });
  report.figure({ bench: BENCH, name: 'first view JS, gzipped (in Teams, with teams-js)', value: teamsKb, unit: 'KB', target: { op: '<=', value: FIRST_VIEW_KB_GZ } });
  report.figure({ bench: BENCH, name: 'first view CSS, gzipped', value: css.reduce((n, f) => n + gzipKb(f), 0), unit: 'KB' });

  const token = await adminToken(options, 'bench teams');
  const script = fileURLToPath(new URL('./support/hub-process.js', import.meta.url));
  const { child, value: url } = await spawnUntil(process.execPath, [script, sqliteFile(options.size)], {}, (line) => {
    try {
      return (JSON.parse(line) as { url?: string }).url ?? null;
    } catch {
      return null;
    }
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Marks the moments the board is drawn with its cards, and its cards' account names are all in,
    // in the page's own clock (ms since navigation).
    await context.addInitScript({
      content: `localStorage.setItem('rapport.teams.token', ${JSON.stringify(token)});
new MutationObserver((_, observer) => {
  if (window.boardAt === undefined && document.querySelector('.board-view[data-ready="true"] .deal-card')) window.boardAt = performance.now();
  if (window.boardAt !== undefined && !document.querySelector('.deal-account.pending')) { window.namesAt = performance.now(); observer.disconnect(); }
}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });`,
    });
    const boardMs: number[] = [];
    const namesMs: number[] = [];
    const apiMs: number[] = [];
    const apiNamesMs: number[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      const page = await context.newPage();
      await page.goto(`${url}/teams/`);
      await page.waitForFunction(() => (globalThis as { namesAt?: number }).namesAt !== undefined, undefined, { timeout: 60_000 });
      const [at, namesAt] = await page.evaluate(() => [(globalThis as { boardAt?: number }).boardAt ?? Number.NaN, (globalThis as { namesAt?: number }).namesAt ?? Number.NaN]);
      await page.close();
      const api = await boardRequestsMs(url, token);
      if (run === 0) continue; // warm-up: the hub's and the browser's caches
      boardMs.push(at as number);
      namesMs.push(namesAt as number);
      apiMs.push(api.board);
      apiNamesMs.push(api.names);
    }
    console.log(`  Hub on SQLite (${options.size.name} dataset) at ${url}; the admin's board (everyone's deals), ${RUNS} loads after a warm-up:`);
    const board = median(boardMs);
    const names = median(namesMs);
    const api = median(apiMs);
    const apiNames = median(apiNamesMs);
    report.figure({ bench: BENCH, name: `open tab → board drawn, ${options.size.name} deals, median`, value: board, unit: 'ms', target: { op: '<=', value: BOARD_MS } });
    report.figure({ bench: BENCH, name: 'the board\'s API requests from Node, median', value: api, unit: 'ms' });
    report.ratio({ bench: BENCH, name: 'board drawn ÷ its API requests', value: board / api });
    report.figure({ bench: BENCH, name: 'open tab → every card\'s account name in, median', value: names, unit: 'ms' });
    report.figure({ bench: BENCH, name: 'the same with the account requests, from Node, median', value: apiNames, unit: 'ms' });
    report.ratio({ bench: BENCH, name: 'account names in ÷ their API requests', value: names / apiNames });
  } finally {
    await browser.close();
    await stop(child);
  }
}
