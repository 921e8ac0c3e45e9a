import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubSpotStandIn } from '@rapport/hubspot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCliIo } from '../testing/captured-cli-io.js';
import { runCli } from './cli.js';

describe('rapport connect hubspot, sync status|run, disconnect', () => {
  const TOKEN = 'pat-cli-token';
  let dataDir = '';
  let hubspot: HubSpotStandIn;
  const io = () => {
    const captured = captureCliIo(dataDir);
    captured.env.RAPPORT_HUBSPOT_BASE_URL = hubspot.url;
    return captured;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rapport-cli-connect-'));
    hubspot = new HubSpotStandIn(TOKEN);
    await hubspot.start();
    const acme = hubspot.put('companies', { name: 'Acme', domain: 'acme.com' });
    hubspot.put('contacts', { firstname: 'Bo', email: 'bo@acme.com' }, { companies: [acme.id] });
    expect(await runCli(['user', 'add', '--email', 'admin@acme.test', '--name', 'Ada', '--role', 'admin'], io())).toBe(0);
  });
  afterAll(async () => {
    await hubspot.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says it is not connected before a CRM is', async () => {
    const status = io();
    expect(await runCli(['sync', 'status'], status)).toBe(0);
    expect(status.lines.join('\n')).toContain('Not connected to a CRM');
  });

  it('connects with a token HubSpot accepts, syncs, and tells the truth in sync status', async () => {
    const connect = io();
    expect(await runCli(['connect', 'hubspot', '--token', TOKEN], connect)).toBe(0);
    expect(connect.lines[0]).toContain('Connected to HubSpot portal 123456');
    const run = io();
    expect(await runCli(['sync', 'run'], run)).toBe(0);
    expect(run.lines[0]).toContain('2 created');
    const status = io();
    expect(await runCli(['sync', 'status'], status)).toBe(0);
    expect(status.lines.join('\n')).toMatch(/HubSpot portal 123456: active[\s\S]*1 account, 1 contact[\s\S]*0 pending, 0 failed/);
  });

  it('shows a revoked token in sync status with what to do, and exits 1', async () => {
    hubspot.revoke(TOKEN);
    const run = io();
    expect(await runCli(['sync', 'run'], run)).toBe(1);
    expect(run.errors.join('\n')).toContain('HubSpot refused the token');
    const status = io();
    expect(await runCli(['sync', 'status'], status)).toBe(1);
    expect(status.lines[0]).toMatch(/revoked — HubSpot refused the token.*rapport connect hubspot/);
  });

  it('refuses to connect with a token HubSpot refuses, and disconnects', async () => {
    const connect = io();
    expect(await runCli(['connect', 'hubspot', '--token', 'wrong'], connect)).toBe(1);
    expect(connect.errors.join('\n')).toContain('HubSpot refused the token');
    const gone = io();
    expect(await runCli(['disconnect'], gone)).toBe(0);
    const status = io();
    expect(await runCli(['sync', 'status'], status)).toBe(0);
    expect(status.lines.join('\n')).toContain('Not connected to a CRM');
  });
});
