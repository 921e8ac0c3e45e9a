import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCliIo as capture } from '../testing/captured-cli-io.js';
import { runCli } from './cli.js';

describe('rapport mail address', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rapport-cli-mail-'));
    expect(await runCli(['user', 'add', '--email', 'ann@acme.test', '--name', 'Ann'], capture(dataDir))).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says there is none yet, makes one with --rotate shown once, then shows only its hint', async () => {
    const none = capture(dataDir);
    expect(await runCli(['mail', 'address', '--user', 'ann@acme.test'], none)).toBe(1);
    expect(none.errors.join('\n')).toContain('no logging address yet');

    const made = capture(dataDir);
    expect(await runCli(['mail', 'address', '--user', 'ann@acme.test', '--rotate'], made)).toBe(0);
    const address = made.lines[0] ?? '';
    expect(address).toMatch(/^log\+[a-z2-7]{24}@localhost$/);
    expect(made.errors.join('\n')).toMatch(/shown only this once[\s\S]*does not take mail yet: set RAPPORT_SMTP_PORT/);

    const shown = capture(dataDir);
    expect(await runCli(['mail', 'address', '--user', 'ann@acme.test'], shown)).toBe(0);
    expect(shown.lines).toEqual([`${address.slice(0, 8)}…@localhost`]);

    const again = capture(dataDir);
    expect(await runCli(['mail', 'address', '--user', 'ann@acme.test', '--rotate'], again)).toBe(0);
    expect(again.lines[0]).not.toBe(address);
  });

  it('refuses someone who is not a user, with exit code 2', async () => {
    const io = capture(dataDir);
    expect(await runCli(['mail', 'address', '--user', 'nobody@acme.test'], io)).toBe(2);
    expect(io.errors.join('\n')).toContain('No user with the address nobody@acme.test');
  });
});
