import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCliIo as capture } from '../testing/captured-cli-io.js';
import { runCli } from './cli.js';
import { parseOptions } from './field.commands.js';

describe('rapport fields', () => {
  let dataDir = '';
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rapport-cli-fields-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = async (...argv: string[]) => {
    const io = capture(dataDir);
    const code = await runCli(argv, io);
    return { code, out: io.lines.join('\n'), err: io.errors.join('\n') };
  };

  it('reads select options as id=label pairs or as labels alone', () => {
    expect(parseOptions('emea=EMEA, apac=APAC')).toEqual([{ id: 'emea', label: 'EMEA' }, { id: 'apac', label: 'APAC' }]);
    expect(parseOptions('North America,Europe')).toEqual([{ id: 'north_america', label: 'North America' }, { id: 'europe', label: 'Europe' }]);
  });

  it('adds, lists, edits, deletes and restores a field, saying what each step did', async () => {
    const added = await run('fields', 'add', '--object', 'deal', '--key', 'region', '--label', 'Region', '--type', 'single_select', '--options', 'emea=EMEA,apac=APAC', '--card');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^Added deal field region \(Region, single_select: emea=EMEA, apac=APAC\): fld_/);
    const id = /(fld_[0-9a-z]+)/.exec(added.out)?.[1] ?? '';
    expect((await run('fields', 'list', '--object', 'deal')).out).toMatch(new RegExp(`${id}\\s+deal\\s+region\\s+Region\\s+single_select\\s+yes`));
    expect((await run('fields', 'edit', id, '--options', 'emea=Europe,apac=APAC')).out).toContain('emea=Europe, apac=APAC');
    const deleted = await run('fields', 'delete', id);
    expect(deleted.out).toMatch(/Deleted deal field region .*0 deals keep a value; restore it until \d{4}-\d{2}-\d{2}/);
    expect((await run('fields', 'list')).out).toContain('No custom fields yet');
    expect((await run('fields', 'list', '--deleted')).out).toContain('deleted');
    expect((await run('fields', 'restore', id)).out).toMatch(/^Restored deal field region/);
  });

  it('refuses a bad type or key with exit code 2 and the reason', async () => {
    const badType = await run('fields', 'add', '--object', 'deal', '--key', 'size_x', '--label', 'Size', '--type', 'colour');
    expect(badType.code).toBe(2);
    expect(badType.err).toMatch(/type/);
    const builtIn = await run('fields', 'add', '--object', 'deal', '--key', 'title', '--label', 'Title', '--type', 'text');
    expect(builtIn.code).toBe(2);
    expect(builtIn.err).toContain('already a built-in deal field');
  });
});
