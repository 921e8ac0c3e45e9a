import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCliIo as capture } from '../testing/captured-cli-io.js';
import { seedDataFolder } from '../testing/seed-data-folder.js';
import { runCli } from './cli.js';

/** A team in a SQLite data folder: Ann (Berlin) and 陈晓 (Shanghai), reps of Mia; a week of work. */
async function seed(dataDir: string): Promise<void> {
  await seedDataFolder(dataDir, '2026-03-02T08:00:00.000Z', async (s, clock) => {
    const team = await s.users.createTeam(null, 'East');
    await s.users.create(null, { name: 'Mia Wong', email: 'mia@acme.test', role: 'manager', teamId: team.id, timeZone: 'America/New_York' });
    const ann = await s.users.create(null, { name: 'Ann Lee', email: 'ann@acme.test', teamId: team.id, timeZone: 'Europe/Berlin' });
    const chen = await s.users.create(null, { name: '陈晓', email: 'chen@acme.test', teamId: team.id, timeZone: 'Asia/Shanghai' });
    const asAnn = { user: ann, surface: 'cli' as const };
    const asChen = { user: chen, surface: 'cli' as const };
    const account = await s.accounts.create(asAnn, { name: 'Acme' });
    const big = await s.deals.create(asAnn, { title: 'Rollout', accountId: account.id, amount: { minor: 1_250_000, currency: 'EUR' } });
    await s.deals.create(asChen, { title: '华为 pilot', accountId: account.id, amount: { minor: 8_000_000, currency: 'CNY' } });
    for (const occurredAt of ['2026-03-02T09:00:00.000Z', '2026-03-03T09:00:00.000Z']) await s.activities.log(asAnn, { type: 'email', accountId: account.id, occurredAt });
    await s.activities.log(asChen, { type: 'call', accountId: account.id, occurredAt: '2026-03-03T02:00:00.000Z' });
    clock.set('2026-03-04T10:00:00.000Z');
    await s.deals.win(asAnn, big.id);
  });
}

describe('rapport report activity', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rapport-report-'));
    await seed(dataDir);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a team\'s week as a table whose columns line up, Chinese names included', async () => {
    const io = capture(dataDir);
    const code = await runCli(['report', 'activity', '--period', 'week', '--date', '2026-03-04', '--user', 'mia@acme.test', '--team', 'east'], io);
    expect(io.errors).toEqual([]);
    expect(code).toBe(0);
    expect(io.lines).toEqual([
      'Week 2026-03-02 – 2026-03-08 (America/New_York): activity of the East team',
      '',
      'Rep       Emails  Calls  Meetings  Notes  Chats  New contacts  New accounts  Deals created            Moved  Won          Lost  Reminders done  Overdue',
      '────────  ──────  ─────  ────────  ─────  ─────  ────────────  ────────────  ───────────────────────  ─────  ───────────  ────  ──────────────  ───────',
      'Ann Lee        2      0         0      0      0             0             1  1 · €12,500              0      1 · €12,500  0                  0        0',
      'Mia Wong       0      0         0      0      0             0             0  0                        0      0            0                  0        0',
      '陈晓           0      1         0      0      0             0             0  1 · CN¥80,000            0      0            0                  0        0',
      '────────  ──────  ─────  ────────  ─────  ─────  ────────────  ────────────  ───────────────────────  ─────  ───────────  ────  ──────────────  ───────',
      'East           2      1         0      0      0             0             1  2 · CN¥80,000 + €12,500  0      1 · €12,500  0                  0        0',
      '────────  ──────  ─────  ────────  ─────  ─────  ────────────  ────────────  ───────────────────────  ─────  ───────────  ────  ──────────────  ───────',
      'Total          2      1         0      0      0             0             1  2 · CN¥80,000 + €12,500  0      1 · €12,500  0                  0        0',
    ]);
  });

  it('shows a rep their own day, on their own calendar', async () => {
    const io = capture(dataDir);
    // 02:00 UTC on March 3 is 10:00 in Shanghai on March 3.
    expect(await runCli(['report', 'activity', '--period', 'day', '--date', '2026-03-03', '--user', 'chen@acme.test'], io)).toBe(0);
    expect(io.lines[0]).toBe('Day 2026-03-03 (Asia/Shanghai): activity of 陈晓');
    expect(io.lines[4]?.replace(/\s+/g, ' ')).toBe('陈晓 0 1 0 0 0 0 0 0 0 0 0 0 0');
  });

  it('refuses what the user may not see, and says what was wrong', async () => {
    const rep = capture(dataDir);
    expect(await runCli(['report', 'activity', '--user', 'ann@acme.test', '--team', 'East'], rep)).toBe(1);
    expect(rep.errors.join('\n')).toMatch(/Team reports are for managers/);
    const unknown = capture(dataDir);
    expect(await runCli(['report', 'activity', '--user', 'nobody@acme.test'], unknown)).toBe(2);
    expect(unknown.errors.join('\n')).toMatch(/Nobody uses Rapport as nobody@acme.test/);
    const badPeriod = capture(dataDir);
    expect(await runCli(['report', 'activity', '--period', 'fortnight', '--user', 'ann@acme.test'], badPeriod)).toBe(2);
    expect(badPeriod.errors.join('\n')).toMatch(/day, week or month/);
  });
});
