import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCliIo as capture } from '../testing/captured-cli-io.js';
import { seedDataFolder } from '../testing/seed-data-folder.js';
import { runCli } from './cli.js';

describe('rapport pipeline', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rapport-pipeline-'));
    await seedDataFolder(dataDir, '2026-03-02T08:00:00.000Z', async (s) => {
      const team = await s.users.createTeam(null, 'East');
      await s.users.create(null, { name: 'Ada Admin', email: 'ada@acme.test', role: 'admin' });
      await s.users.create(null, { name: 'Mia Wong', email: 'mia@acme.test', role: 'manager', teamId: team.id });
      const ann = await s.users.create(null, { name: 'Ann Lee', email: 'ann@acme.test', teamId: team.id });
      const account = await s.accounts.create({ user: ann, surface: 'cli' }, { name: 'Acme' });
      await s.deals.create({ user: ann, surface: 'cli' }, { title: 'Rollout', accountId: account.id, amount: { minor: 1_250_000, currency: 'EUR' }, stageId: 'demo' });
    });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = async (...argv: string[]) => {
    const io = capture(dataDir);
    const code = await runCli(argv, io);
    return { code, lines: io.lines, errors: io.errors };
  };

  it('lets a manager build the team pipeline and lists it beside the default', async () => {
    expect(await run('pipeline', 'add', 'East renewals', '--user', 'mia@acme.test', '--stages', 'Intro:10,Pilot:50,Signed:100:won')).toMatchObject({ code: 0, lines: [expect.stringContaining('Intro [intro] 10% → Pilot [pilot] 50% → Signed [signed] 100% (won)')] });
    expect(await run('pipeline', 'stage', 'add', 'east renewals', 'Proposal', '--probability', '70', '--position', '2', '--user', 'mia@acme.test')).toMatchObject({ code: 0 });
    expect(await run('pipeline', 'stage', 'set', 'East renewals', 'pilot', '--name', 'Paid pilot', '--user', 'mia@acme.test')).toMatchObject({ code: 0 });
    const listed = await run('pipeline', 'list');
    expect(listed.code).toBe(0);
    expect(listed.lines[2]).toMatch(/^Sales \(default\)\s+everyone\s+Lead \[lead\] 10%/);
    expect(listed.lines[3]).toMatch(/^East renewals\s+East\s+Intro \[intro\] 10% → Paid pilot \[pilot\] 50% → Proposal \[proposal\] 70% → Signed \[signed\] 100% \(won\)$/);
  });

  it('refuses a rep, and a stage removal with deals until told where they go', async () => {
    expect(await run('pipeline', 'rename', 'Sales', 'Mine', '--user', 'ann@acme.test')).toMatchObject({ code: 1, errors: [expect.stringContaining('Only admins and managers')] });
    const refused = await run('pipeline', 'stage', 'remove', 'Sales', 'demo', '--user', 'mia@acme.test');
    expect(refused).toMatchObject({ code: 1, errors: [expect.stringContaining('company-wide; only an admin')] });
    expect(await run('pipeline', 'stage', 'set', 'Sales', 'demo', '--probability', '150', '--user', 'mia@acme.test')).toMatchObject({ code: 2 });
    expect(await run('pipeline', 'stage', 'remove', 'Sales', 'demo', '--user', 'ada@acme.test')).toMatchObject({ code: 1, errors: [expect.stringContaining('holds 1 deal. Send moveDealsTo')] });
    const removed = await run('pipeline', 'stage', 'remove', 'Sales', 'demo', '--move-deals-to', 'proposal', '--user', 'ada@acme.test');
    expect(removed).toMatchObject({ code: 0, lines: ['Lead [lead] 10% → Qualified [qualified] 20% → Proposal [proposal] 60% → Negotiation [negotiation] 80%'] });
  });
});
