import { describe, expect, it } from 'vitest';
import { createWorld } from '../testing/world.js';

describe('MyDayService', () => {
  it('lists what is due today and overdue, open deals by close date, and the stale ones the analytics finds', async () => {
    const w = await createWorld({ start: '2026-03-02T08:00:00.000Z' });
    const ann = w.as(w.users.ann);
    const account = await w.services.accounts.create(ann, { name: '深圳华为' });
    const contact = await w.services.contacts.create(ann, { name: 'Wang Wei', emails: ['wang@huawei.example'], accountId: account.id });
    // Five deals that each spent two days in Lead: Lead's median, the yardstick for staleness.
    const quick = [];
    for (let i = 0; i < 5; i += 1) quick.push(await w.services.deals.create(w.as(w.users.raj), { title: `Quick ${i}`, accountId: account.id, amount: { minor: 1, currency: 'CNY' } }));
    const old = await w.services.deals.create(ann, { title: 'Old', accountId: account.id, amount: { minor: 1, currency: 'CNY' }, expectedCloseDate: '2026-05-01' });
    await w.services.reminders.create(ann, { title: 'Overdue call', dueAt: '2026-03-02T09:00:00.000Z', contactId: contact.id });
    w.clock.advance(2 * 86_400_000);
    for (const deal of quick) await w.services.deals.moveStage(w.as(w.users.raj), deal.id, 'qualified');
    w.clock.set('2026-04-10T06:00:00.000Z');
    await w.services.deals.create(ann, { title: 'Soon', accountId: account.id, amount: { minor: 1, currency: 'CNY' }, expectedCloseDate: '2026-04-20' });
    await w.services.deals.create(ann, { title: 'Undated', accountId: account.id, amount: { minor: 1, currency: 'CNY' } });
    await w.services.reminders.create(ann, { title: 'Today', due: 'today 17:00' });
    await w.services.reminders.create(ann, { title: 'Tomorrow', due: 'tomorrow 9am' });

    const day = await w.services.myDay.myDay(ann);
    expect(day.today).toBe('2026-04-10');
    expect(day.due.map((d) => [d.reminder.title, d.overdue, d.about])).toEqual([
      ['Overdue call', true, 'Wang Wei (深圳华为)'],
      ['Today', false, null],
    ]);
    expect(day.openDeals.map((d) => d.deal.title)).toEqual(['Soon', 'Old', 'Undated']);
    expect(day.openDealCount).toBe(3);
    expect(day.staleDeals.map((d) => [d.deal.title, d.stageName, d.daysInStage, d.accountName])).toEqual([[old.title, 'Lead', 38, '深圳华为']]);
  });
});
