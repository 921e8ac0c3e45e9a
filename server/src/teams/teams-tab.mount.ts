import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PERSONAL_TAB_ENTITY, TAB_PATH } from '@rapport/teams-app';
import type { Context } from 'hono';
import type { Mount } from '../http/app.js';
import type { HubEnv } from '../http/hub-env.js';

/**
 * The hosts Microsoft documents as framing Teams and Microsoft 365 tabs ("tab requirements":
 * Teams, the Microsoft 365 app, Outlook, and the *.cloud.microsoft domain they move to).
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

/**
 * The tab's Content-Security-Policy: its own scripts, styles and API only, framed by Teams
 * (or opened directly). teams-js may read Microsoft's list of valid host origins from its CDN.
 */
export const TEAMS_TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.map']);
/** Vite names built assets by their content hash: such a file never changes under its name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** What the tab needs to know from the hub before it asks anything: put into index.html as a meta tag. */
export interface TabHubSettings {
  /** The Teams app id, for deep links to a deal; null when Teams is not set up. */
  appId: string | null;
  /** Whether the hub accepts Teams single sign-on tokens. */
  sso: boolean;
}

interface StaticFile {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
}

/** A file of the built tab, read once and kept (with its gzip) in memory; null outside the folder or missing. */
function loader(dir: string): (path: string) => StaticFile | null {
  const files = new Map<string, StaticFile | null>();
  return (path) => {
    if (files.has(path)) return files.get(path) ?? null;
    const full = normalize(join(dir, path));
    let file: StaticFile | null = null;
    if (full.startsWith(dir + sep) && existsSync(full) && statSync(full).isFile()) {
      const body = readFileSync(full);
      const ext = extname(full);
      file = { body, gzip: COMPRESSIBLE.has(ext) && body.length > 512 ? gzipSync(body, { level: 9 }) : null, type: TYPES[ext] ?? 'application/octet-stream' };
    }
    files.set(path, file);
    return file;
  };
}

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function send(c: Context<HubEnv>, file: StaticFile, headers: Record<string, string>): Response {
  const gzip = file.gzip !== null && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  const body = gzip && file.gzip ? file.gzip : file.body;
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': file.type,
      'x-content-type-options': 'nosniff',
      ...(file.gzip ? { vary: 'accept-encoding' } : {}),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...headers,
    },
  });
}

/**
 * Serves the built Teams tab at /teams/: index.html (never cached, with the hub's Teams
 * settings in a meta tag and a CSP that lets Teams frame it), and the hashed assets (cached
 * for a year). When the tab is not built, /teams/ says how to build it.
 */
export function teamsTabMount(dir: string, settings: TabHubSettings): Mount {
  const root = normalize(dir);
  const file = loader(root);
  const meta = `<meta name="rapport-hub" content="${escapeAttribute(JSON.stringify({ ...settings, entityId: PERSONAL_TAB_ENTITY }))}">`;
  let index: StaticFile | null | undefined;
  const page = (): StaticFile | null => {
    if (index !== undefined) return index;
    const built = file('index.html');
    if (!built) return null;
    const body = Buffer.from(built.body.toString('utf8').replace('<!--rapport-hub-->', meta));
    index = { body, gzip: gzipSync(body, { level: 9 }), type: built.type };
    return index;
  };
  const base = TAB_PATH.replace(/\/$/, '');
  return (app) => {
    app.get(base, (c) => c.redirect(`${TAB_PATH}${new URL(c.req.url).search}`, 301));
    app.get(`${TAB_PATH}*`, (c) => {
      const rest = decodeURIComponent(c.req.path.slice(TAB_PATH.length));
      if (rest === '' || rest === 'index.html') {
        const html = page();
        if (!html) {
          return c.text('The Teams tab is not built on this hub. Run `pnpm --filter @rapport/teams-app build` (or `pnpm build`) and restart the hub.\n', 503, { 'cache-control': 'no-store' });
        }
        return send(c, html, { 'cache-control': 'no-cache', 'content-security-policy': TEAMS_TAB_CSP, 'referrer-policy': 'same-origin' });
      }
      const found = file(rest);
      if (!found) return c.text(`No such file in the Teams tab: ${rest}\n`, 404, { 'cache-control': 'no-store' });
      return send(c, found, { 'cache-control': rest.startsWith('assets/') ? IMMUTABLE : 'public, max-age=3600' });
    });
  };
}
