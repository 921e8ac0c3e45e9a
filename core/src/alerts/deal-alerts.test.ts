import { describe, expect, it } from 'vitest';
import { createWorld } from '../testing/world.js';

async function worldWithDeals() {
  const w = await createWorld();
  const ann = w.as(w.users.ann, 'slack');
  const account = await w.services.accounts.create(ann, { name: 'Ñandú <Corp>' });
  const big = await w.services.deals.create(ann, { title: 'Big one', accountId: account.id, amount: { minor: 9_000_000, currency: 'EUR' } });
  const small = await w.services.deals.create(ann, { title: 'Small one', accountId: account.id, amount: { minor: 100_00, currency: 'EUR' } });
  const yen = await w.services.deals.create(ann, { title: 'Yen deal', accountId: account.id, amount: { minor: 100, currency: 'JPY' } });
  return { w, ann, big, small, yen };
}

describe('deal alerts', () => {
  it('are off until an admin names a channel, and only admins may', async () => {
    const { w, ann, big } = await worldWithDeals();
    const from = w.clock.now().toISOString();
    await w.services.deals.win(ann, big.id);
    w.clock.advance(1000);
    expect(await w.services.alerts.alertsBetween(from, w.clock.now().toISOString())).toEqual([]);
    await expect(w.services.alerts.configure(ann, { channel: 'C1' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await w.services.alerts.configure(w.as(w.users.admin), { channel: 'C1' })).toEqual({ channel: 'C1', minimums: [], since: w.clock.now().toISOString() });
  });

  it('announce wins, losses and stage moves at or above the minimum of the deal currency, oldest first', async () => {
    const { w, ann, big, small, yen } = await worldWithDeals();
    const before = w.clock.now().toISOString();
    await w.services.deals.moveStage(ann, big.id, 'qualified');
    w.clock.advance(1000);
    await w.services.alerts.configure(w.as(w.users.admin), { channel: 'C1', minimum: { minor: 50_000_00, currency: 'EUR' } });
    const from = before;
    await w.services.deals.moveStage(ann, big.id, 'proposal');
    w.clock.advance(1000);
    await w.services.deals.moveStage(ann, big.id, 'demo');
    w.clock.advance(1000);
    await w.services.deals.win(ann, small.id);
    await w.services.deals.lose(ann, yen.id, { reason: 'price' });
    w.clock.advance(1000);
    await w.services.deals.update(ann, big.id, { title: 'Renamed' });
    await w.services.deals.win(ann, big.id);
    w.clock.advance(1000);
    const alerts = await w.services.alerts.alertsBetween(from, w.clock.now().toISOString());
    expect(alerts.map((a) => [a.kind, a.deal.title, a.fromStage, a.toStage])).toEqual([
      ['moved_forward', 'Renamed', 'Qualified', 'Proposal'],
      ['moved_back', 'Renamed', 'Proposal', 'Demo'],
      ['lost', 'Yen deal', null, null],
      ['won', 'Renamed', null, null],
    ]);
    expect(alerts[0]).toMatchObject({ accountName: 'Ñandú <Corp>', actor: { name: 'Ann' }, owner: { name: 'Ann' } });
  });

  it('clears a currency minimum with zero', async () => {
    const { w } = await worldWithDeals();
    const admin = w.as(w.users.admin);
    await w.services.alerts.configure(admin, { channel: 'C1', minimum: { minor: 5, currency: 'usd' } });
    expect(await w.services.alerts.configure(admin, { minimum: { minor: 0, currency: 'USD' } })).toMatchObject({ channel: 'C1', minimums: [] });
  });
});
