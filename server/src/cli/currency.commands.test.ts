import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCliIo as capture } from '../testing/captured-cli-io.js';
import { runCli } from './cli.js';

describe('rapport currency set and rapport rates', () => {
  let dataDir = '';
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rapport-cli-rates-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const path = join(dataDir, name);
    writeFileSync(path, text);
    return path;
  };

  it('asks for a reporting currency before rates, then imports a file and lists it', async () => {
    const early = capture(dataDir);
    expect(await runCli(['rates', 'import', file('early.csv', 'currency,date,rate\nUSD,2026-03-01,0.92\n')], early)).toBe(2);
    expect(early.errors.join('\n')).toContain('Set a reporting currency first');

    const wrong = capture(dataDir);
    expect(await runCli(['currency', 'set', 'EURO'], wrong)).toBe(2);
    expect(wrong.errors.join('\n')).toContain('ISO 4217');
    const set = capture(dataDir);
    expect(await runCli(['currency', 'set', 'eur'], set)).toBe(0);
    expect(set.lines).toEqual(['Reporting currency: EUR.']);

    const imported = capture(dataDir);
    expect(await runCli(['rates', 'import', file('rates.csv', '\uFEFFcurrency,date,rate\r\nUSD,2026-03-01,0.9214\r\nJPY,2026-03-01,0.0061\r\n')], imported)).toBe(0);
    expect(imported.lines).toEqual(['Imported 2 rates into EUR (JPY, USD).']);
    const list = capture(dataDir);
    expect(await runCli(['rates', 'list', '--currency', 'USD'], list)).toBe(0);
    expect(list.lines).toEqual(['Currency  From        EUR per unit', '────────  ──────────  ────────────', 'USD       2026-03-01        0.9214']);
  });

  it('refuses a file with bad lines, naming each, and imports none of it', async () => {
    expect(await runCli(['currency', 'set', 'EUR'], capture(dataDir))).toBe(0);
    const io = capture(dataDir);
    expect(await runCli(['rates', 'import', file('bad.csv', 'currency,date,rate\nGBP,2026-03-01,1.17\nGBP,1 March,1.17\nXYZ,2026-03-02,1\n')], io)).toBe(2);
    expect(io.errors[0]).toMatch(/^No rates imported: 2 bad lines\. line 3: date:/);
    expect(io.errors.join('\n')).toContain('line 4: currency:');
    const list = capture(dataDir);
    await runCli(['rates', 'list', '--currency', 'GBP'], list);
    expect(list.lines).toEqual(['No rates into EUR yet: `rapport rates import rates.csv`.']);
    const missing = capture(dataDir);
    expect(await runCli(['rates', 'import', join(dataDir, 'nothere.csv')], missing)).toBe(2);
    expect(missing.errors[0]).toContain('Cannot read');
  });
});
