import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubEnv } from '../http/hub-env.js';
import { teamsTabMount } from './teams-tab.mount.js';

describe('the hub serving the Teams tab', () => {
  let dir: string;
  let app: Hono<HubEnv>;
  const script = `console.log(${JSON.stringify('x'.repeat(2000))});`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-tab-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><!--rapport-hub--></head><body><div id="app"></div><script type="module" src="./assets/index-AbC123.js"></script></body></html>');
    writeFileSync(join(dir, 'assets/index-AbC123.js'), script);
    writeFileSync(join(dir, 'assets/index-AbC123.css'), 'body{}');
    writeFileSync(join(tmpdir(), 'rapport-secret.txt'), 'secret');
    app = new Hono<HubEnv>();
    teamsTabMount(dir, { appId: '3f1e0c7a-5b2d-4c8e-9a61-0d4b7e2f9c15', sso: true })(app);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(tmpdir(), 'rapport-secret.txt'), { force: true });
  });

  it('serves the page uncached, with the hub\'s Teams settings and a CSP that lets Teams frame it', async () => {
    const response = await app.request('/teams/?view=personal');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com https:\/\/\*\.teams\.microsoft\.com https:\/\/\*\.cloud\.microsoft .*https:\/\/outlook\.office\.com/);
    const html = await response.text();
    expect(html).toContain('<meta name="rapport-hub" content="{&quot;appId&quot;:&quot;3f1e0c7a-5b2d-4c8e-9a61-0d4b7e2f9c15&quot;,&quot;sso&quot;:true,&quot;entityId&quot;:&quot;pipeline&quot;}">');
    expect((await app.request('/teams')).headers.get('location')).toBe('/teams/');
  });

  it('serves hashed assets with their type, cached for a year, gzipped for clients that take it', async () => {
    const plain = await app.request('/teams/assets/index-AbC123.js');
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await plain.text()).toBe(script);
    const gzipped = await app.request('/teams/assets/index-AbC123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString()).toBe(script);
    expect((await app.request('/teams/assets/index-AbC123.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for a missing file and never serves a file outside the tab', async () => {
    expect((await app.request('/teams/assets/nope.js')).status).toBe(404);
    expect((await app.request('/teams/..%2Frapport-secret.txt')).status).toBe(404);
    expect((await app.request('/teams/%2E%2E/%2E%2E/rapport-secret.txt')).status).toBe(404);
  });

  it('says how to build the tab when it is not built', async () => {
    const empty = new Hono<HubEnv>();
    teamsTabMount(join(dir, 'missing'), { appId: null, sso: false })(empty);
    const response = await empty.request('/teams/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm --filter @rapport/teams-app build');
  });
});
