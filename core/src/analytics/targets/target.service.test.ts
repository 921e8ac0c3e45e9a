import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../testing/world.js';

const usd = (minor: number) => ({ minor, currency: 'USD' });

describe('TargetService', () => {
  let w: World;
  beforeEach(async () => {
    w = await createWorld();
  });
  const targets = () => w.services.analytics.targets;

  it('lets a manager set their team\'s targets, and an admin anyone\'s', async () => {
    const set = await targets().create(w.as(w.users.mia), { userId: w.users.ann.id, month: '2026-03', amount: usd(5_000_000) });
    expect(set).toMatchObject({ userId: w.users.ann.id, month: '2026-03', amount: usd(5_000_000), version: 1 });
    await targets().create(w.as(w.users.mia), { userId: w.users.mia.id, month: '2026-03', amount: usd(9_000_000) });
    await targets().create(w.as(w.users.admin), { userId: w.users.bo.id, month: '2026-03', amount: { minor: 800_000, currency: 'eur' } });
    expect((await targets().list(w.as(w.users.admin), { scope: 'all', from: '2026-01', to: '2026-12' })).map((t) => [t.userId, t.amount.currency])).toEqual(
      [[w.users.ann.id, 'USD'], [w.users.mia.id, 'USD'], [w.users.bo.id, 'EUR']].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
  });

  it('refuses reps and other teams\' managers, and changes nothing', async () => {
    await expect(targets().create(w.as(w.users.ann), { userId: w.users.ann.id, month: '2026-03', amount: usd(1) })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/manager for their team/) });
    await expect(targets().create(w.as(w.users.will), { userId: w.users.ann.id, month: '2026-03', amount: usd(1) })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(targets().create(w.as(w.users.mia), { userId: w.users.ann.id, month: '2026-13', amount: usd(1) })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'month' }] });
    expect(await targets().list(w.as(w.users.admin), { scope: 'all', from: '2026-01', to: '2026-12' })).toEqual([]);
  });

  it('keeps one target per person, month and currency', async () => {
    await targets().create(w.as(w.users.mia), { userId: w.users.ann.id, month: '2026-03', amount: usd(1) });
    await expect(targets().create(w.as(w.users.admin), { userId: w.users.ann.id, month: '2026-03', amount: usd(2) })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('shows a rep their own targets; someone else\'s is not found to them', async () => {
    const anns = await targets().create(w.as(w.users.mia), { userId: w.users.ann.id, month: '2026-03', amount: usd(1) });
    expect(await targets().list(w.as(w.users.ann), { from: '2026-03', to: '2026-03' })).toEqual([anns]);
    expect(await targets().get(w.as(w.users.ann), anns.id)).toEqual(anns);
    await expect(targets().get(w.as(w.users.raj), anns.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(targets().update(w.as(w.users.ann), anns.id, { amount: usd(2) })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(targets().list(w.as(w.users.ann), { from: '2026-01', to: '2029-12' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('changes an amount against the version seen, and deletes', async () => {
    const t = await targets().create(w.as(w.users.mia), { userId: w.users.ann.id, month: '2026-03', amount: usd(1) });
    const raised = await targets().update(w.as(w.users.mia), t.id, { amount: usd(3) }, { expectedVersion: 1 });
    expect(raised).toMatchObject({ amount: usd(3), version: 2 });
    await expect(targets().update(w.as(w.users.mia), t.id, { amount: usd(4) }, { expectedVersion: 1 })).rejects.toMatchObject({ code: 'conflict', details: { reason: 'version_mismatch' } });
    await targets().delete(w.as(w.users.admin), t.id);
    await expect(targets().get(w.as(w.users.mia), t.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
