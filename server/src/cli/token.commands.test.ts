import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCliIo as capture } from '../testing/captured-cli-io.js';
import { runCli } from './cli.js';

describe('rapport token create', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rapport-cli-tokens-'));
    expect(await runCli(['user', 'add', '--email', 'ann@acme.test', '--name', 'Ann'], capture(dataDir))).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses an expiry in the past with exit code 2 and a sentence saying so, and makes no token', async () => {
    const io = capture(dataDir);
    expect(await runCli(['token', 'create', '--user', 'ann@acme.test', '--expires', '2020-01-01T00:00:00Z'], io)).toBe(2);
    expect(io.errors.join('\n')).toContain('would already have expired');
    expect(io.lines.filter((l) => l.startsWith('rpt_'))).toEqual([]);
    const list = capture(dataDir);
    expect(await runCli(['token', 'list', '--user', 'ann@acme.test'], list)).toBe(0);
    expect(list.lines.join('\n')).not.toContain('cli');
  });

  it('makes a token with an expiry in the future', async () => {
    const io = capture(dataDir);
    expect(await runCli(['token', 'create', '--user', 'ann@acme.test', '--expires', '2999-01-01T00:00:00Z'], io)).toBe(0);
    expect(io.lines[0]).toMatch(/^rpt_/);
  });
});
