import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

const repo = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = join(repo, 'extension/dist');
const FIXTURES = join(repo, 'extension/src/gmail/fixtures');

const newest = (dir: string): number =>
  Math.max(...readdirSync(dir).map((name) => (statSync(join(dir, name)).isDirectory() ? newest(join(dir, name)) : statSync(join(dir, name)).mtimeMs)));

/** Builds the extension unless dist/ is newer than every source file: the tests load the built extension. */
export function ensureBuilt(): void {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  if (existsSync(manifest) && statSync(manifest).mtimeMs > Math.max(newest(join(repo, 'extension/src')), newest(join(repo, 'extension/scripts')))) return;
  const built = spawnSync(process.execPath, [join(repo, 'extension/scripts/build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('The extension did not build.');
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  id: string;
  /** Which fixture https://mail.google.com/ serves next. */
  serve(name: string): void;
  /** Raw messages Gmail's "Show original" answers with, by permanent message id. */
  originals: Map<string, string>;
  /** Every "Show original" address the extension asked for. */
  originalRequests: string[];
  gmail(name: string): Promise<Page>;
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with the built extension loaded and mail.google.com answered from fixtures. */
export async function launchExtension(): Promise<ExtensionBrowser> {
  ensureBuilt();
  const profile = mkdtempSync(join(tmpdir(), 'rapport-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  let current = 'conversation-on';
  const originals = new Map<string, string>();
  const originalRequests: string[] = [];
  await context.route('https://mail.google.com/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.get('view') === 'om') {
      originalRequests.push(url.href);
      const raw = originals.get(url.searchParams.get('permmsgid') ?? '');
      const escaped = (raw ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      return route.fulfill({ status: raw ? 200 : 404, contentType: 'text/html; charset=utf-8', body: `<!doctype html><html><body><pre class="raw_message_text" id="raw_message_text">${escaped}</pre></body></html>` });
    }
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture(current) });
  });
  return {
    context,
    worker,
    id,
    originals,
    originalRequests,
    serve: (name) => {
      current = name;
    },
    gmail: async (name) => {
      current = name;
      const page = await context.newPage();
      await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvbzqXFbqRzbsmN');
      return page;
    },
    extensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A switchable way to the hub: while "offline" it refuses connections, as a lost network does. */
export interface HubLink {
  url: string;
  offline(): Promise<void>;
  online(): Promise<void>;
  close(): Promise<void>;
}

export async function linkTo(target: string): Promise<HubLink> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const start = (): Promise<void> =>
    new Promise((resolve) => {
      server = createServer((req, res) => {
        const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        forward.on('error', () => res.destroy());
        req.pipe(forward);
      });
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server?.address() as { port: number }).port;
        resolve();
      });
    });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (!server) return resolve();
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
      server = null;
    });
  await start();
  return { url: `http://127.0.0.1:${port}`, offline: stop, online: start, close: stop };
}
