import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, rapport, serve } from '../support/run-cli.js';

/**
 * The README's first command, as a new user runs it: the built `rapport serve` on an empty data
 * folder seeds the demo company, prints where everything is and working tokens, and serves the API.
 */
describe('first start of the hub with the demo company', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-first-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds, prints where everything is, and answers the printed examples', async () => {
    const port = await freePort();
    const hub = serve({ RAPPORT_DATA_DIR: dataDir, PORT: String(port), RAPPORT_LOG_LEVEL: 'warn' });
    try {
      const banner = await hub.waitFor(/Create a token for someone/);
      const url = `http://127.0.0.1:${port}`;
      expect(banner).toContain(`API        ${url}/api/v1`);
      expect(banner).toContain(`OpenAPI    ${url}/api/v1/openapi.json`);
      expect(banner).toContain(`Database   SQLite at ${join(dataDir, 'rapport.db')}`);
      expect(banner).toMatch(/Slack +off/);
      const tokens = [...banner.matchAll(/\((rep|manager|admin)[^)]*\)\s+(rpt_[A-Za-z0-9]+)/g)];
      expect(tokens.length).toBeGreaterThanOrEqual(5);
      expect(new Set(tokens.map((t) => t[1]))).toEqual(new Set(['admin', 'manager', 'rep']));
      expect(statSync(join(dataDir, 'demo-tokens.json')).mode & 0o777).toBe(0o600);

      const cardUrl = /curl -H "Authorization: Bearer (rpt_\w+)" "([^"]+\/cards\?email=[^"]+)"/.exec(banner);
      expect(cardUrl).not.toBeNull();
      const [, token, cardHref] = cardUrl as RegExpExecArray;
      const card = await (await fetch(cardHref as string, { headers: { authorization: `Bearer ${token}` } })).json();
      expect(card.contact.name).toEqual(expect.any(String));
      expect(card.account.name).toEqual(expect.any(String));
      expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok', database: 'sqlite' });
    } finally {
      expect(await hub.stop()).toBe(0);
    }
  }, 180_000);

  it('does not seed twice, and prints the kept demo tokens again', async () => {
    const port = await freePort();
    const hub = serve({ RAPPORT_DATA_DIR: dataDir, PORT: String(port), RAPPORT_LOG_LEVEL: 'warn' });
    try {
      const banner = await hub.waitFor(/Create a token for someone/, 30_000);
      expect(banner).not.toContain('seeding the demo company');
      expect(banner).toContain('Demo tokens (from');
    } finally {
      await hub.stop();
    }
  }, 60_000);

  it('explains a port that is already taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const hub = serve({ RAPPORT_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
    try {
      await hub.waitFor(/Port \d+ is in use/, 30_000).catch(() => undefined);
      expect(hub.output()).toContain(`Port ${port} is in use`);
      expect(await hub.stop()).not.toBe(0);
    } finally {
      blocker.close();
    }
  }, 60_000);
});

describe('admin commands', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-admin-'));
  const env = { RAPPORT_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds a team and a person, creates and revokes a token', () => {
    expect(rapport(['team', 'add', '华东 Sales'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('Created team 华东 Sales') });
    const added = rapport(['user', 'add', '--email', 'Ann@Example.com', '--name', 'Ann Lee', '--role', 'manager', '--team', '华东 sales', '--tz', 'Asia/Shanghai'], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Added Ann Lee <ann@example.com> as manager');
    const created = rapport(['token', 'create', '--user', 'ann@example.com', '--name', 'laptop'], env);
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^rpt_[A-Za-z0-9]{40}$/);
    const listed = rapport(['token', 'list', '--user', 'ann@example.com'], env);
    const id = /^(tok_\w+)/m.exec(listed.stdout)?.[1];
    expect(id).toBeDefined();
    expect(rapport(['token', 'revoke', id as string], env)).toMatchObject({ code: 0, stdout: expect.stringContaining(`Revoked ${id}`) });
    expect(rapport(['token', 'list', '--user', 'ann@example.com'], env).stdout).toContain('revoked');
  }, 60_000);

  it('refuses bad input with exit code 2 and a message saying what to fix', () => {
    const badRole = rapport(['user', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'boss'], env);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('role');
    expect(rapport(['user', 'add', '--name', 'No Email'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--email is required') });
    expect(rapport(['token', 'create', '--user', 'nobody@example.com'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('No user with the address nobody@example.com') });
    expect(rapport(['seed', '--demo'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('empty one only') });
    expect(rapport(['frobnicate'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command') });
  }, 60_000);

  it('prints help for every command and every setting', () => {
    const help = rapport(['--help'], env);
    expect(help.code).toBe(0);
    for (const word of ['serve', 'user add', 'token create', 'token revoke', 'seed', 'migrate', 'DATABASE_URL', 'RAPPORT_DEMO']) expect(help.stdout).toContain(word);
    expect(rapport(['token', 'create', '--help'], env).stdout).toContain('Usage: rapport token create --user <email>');
  });
});
