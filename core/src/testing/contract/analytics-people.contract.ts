import { describe, expect, it } from 'vitest';
import type { AccountValue } from '../../analytics/analytics.port.js';
import { aContact, aDeal, anAccount, anActivity, aReminder, aStageChange } from '../builders.js';
import type { ContractContext } from './support.js';

const usd = (minor: number) => ({ minor, currency: 'USD' });
const eur = (minor: number) => ({ minor, currency: 'EUR' });

export function describePeopleAnalyticsContract({ write, read }: ContractContext): void {
  describe('rep activity', () => {
    it('counts each rep\'s activities, new records, deal moves, wins, losses and reminders in [from, to)', async () => {
      const x = aDeal({ ownerId: 'usr_a', amount: usd(100), createdAt: '2026-03-02T00:00:00.000Z' });
      const v = aDeal({ ownerId: 'usr_a', amount: eur(50), createdAt: '2026-03-04T00:00:00.000Z', status: 'lost', closedAt: '2026-03-07T00:00:00.000Z', lostReason: 'Timing' });
      const y = aDeal({ ownerId: 'usr_b', amount: usd(10), createdAt: '2026-02-20T00:00:00.000Z', status: 'won', closedAt: '2026-03-06T00:00:00.000Z' });
      const z = aDeal({ ownerId: 'usr_b', amount: usd(20), createdAt: '2026-02-01T00:00:00.000Z' });
      const c = aDeal({ ownerId: 'usr_c', amount: usd(30), createdAt: '2026-03-03T00:00:00.000Z' });
      await write(async (uow) => {
        for (const deal of [x, v, y, z, c]) await uow.deals.insert(deal);
        const move = (dealId: string, from: string | null, to: string, at: string, status: 'open' | 'won' = 'open') =>
          uow.deals.appendStageChange(aStageChange({ dealId, fromStageId: from, stageId: to, status, at }));
        await move(x.id, null, 'lead', '2026-03-02T00:00:00.000Z');
        await move(x.id, 'lead', 'demo', '2026-03-03T00:00:00.000Z');
        await move(x.id, 'demo', 'proposal', '2026-03-05T00:00:00.000Z');
        await move(y.id, 'demo', 'demo', '2026-03-06T00:00:00.000Z', 'won');
        await move(z.id, 'lead', 'demo', '2026-03-01T23:59:59.999Z');
        await move(c.id, 'lead', 'demo', '2026-03-04T00:00:00.000Z');
        const act = (authorId: string, type: 'email' | 'call' | 'meeting' | 'note', occurredAt: string) => uow.activities.insert(anActivity({ authorId, type, occurredAt }));
        await act('usr_a', 'email', '2026-03-02T00:00:00.000Z');
        await act('usr_a', 'email', '2026-03-08T23:59:59.999Z');
        await act('usr_a', 'call', '2026-03-04T10:00:00.000Z');
        await act('usr_a', 'email', '2026-03-09T00:00:00.000Z');
        await act('usr_b', 'meeting', '2026-03-05T00:00:00.000Z');
        await act('usr_c', 'note', '2026-03-05T00:00:00.000Z');
        await uow.contacts.insert(aContact({ ownerId: 'usr_a', createdAt: '2026-03-03T00:00:00.000Z' }));
        await uow.contacts.insert(aContact({ ownerId: 'usr_b', createdAt: '2026-03-01T00:00:00.000Z' }));
        await uow.accounts.insert(anAccount({ ownerId: 'usr_b', createdAt: '2026-03-08T23:59:00.000Z' }));
        const reminder = (assigneeId: string, extra: Parameters<typeof aReminder>[0]) => uow.reminders.insert(aReminder({ assigneeId, createdById: assigneeId, ...extra }));
        await reminder('usr_a', { status: 'done', dueAt: '2026-03-04T00:00:00.000Z', completedAt: '2026-03-05T00:00:00.000Z', alertAt: null });
        await reminder('usr_b', { status: 'done', dueAt: '2026-03-04T00:00:00.000Z', completedAt: '2026-03-10T00:00:00.000Z', alertAt: null });
        await reminder('usr_a', { status: 'open', dueAt: '2026-03-08T00:00:00.000Z' });
        await reminder('usr_b', { status: 'open', dueAt: '2026-03-08T00:00:00.000Z', snoozedUntil: '2026-03-12T00:00:00.000Z' });
        await reminder('usr_b', { status: 'open', dueAt: '2026-03-01T00:00:00.000Z' });
        await reminder('usr_a', { status: 'cancelled', dueAt: '2026-03-01T00:00:00.000Z', alertAt: null });
        await reminder('usr_c', { status: 'open', dueAt: '2026-03-01T00:00:00.000Z' });
      });
      const week = { from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z', overdueAt: '2026-03-09T00:00:00.000Z' };
      const report = await read((uow) => uow.analytics.repActivity({ ...week, userIds: ['usr_a', 'usr_b'] }));
      expect(report).toEqual({
        activities: [
          { userId: 'usr_a', type: 'call', count: 1 },
          { userId: 'usr_a', type: 'email', count: 2 },
          { userId: 'usr_b', type: 'meeting', count: 1 },
        ],
        contactsCreated: [{ userId: 'usr_a', count: 1 }],
        accountsCreated: [{ userId: 'usr_b', count: 1 }],
        dealsCreated: [
          { userId: 'usr_a', currency: 'EUR', count: 1, amountMinor: 50 },
          { userId: 'usr_a', currency: 'USD', count: 1, amountMinor: 100 },
        ],
        // X moved twice and counts once; Y's win kept its stage; Z moved before the week.
        dealsMoved: [{ userId: 'usr_a', currency: 'USD', count: 1, amountMinor: 100 }],
        dealsWon: [{ userId: 'usr_b', currency: 'USD', count: 1, amountMinor: 10 }],
        dealsLost: [{ userId: 'usr_a', currency: 'EUR', count: 1, amountMinor: 50 }],
        remindersCompleted: [{ userId: 'usr_a', count: 1 }],
        // A's is due before the end; B's due one was snoozed past it, B's older one was not.
        remindersOverdue: [
          { userId: 'usr_a', count: 1 },
          { userId: 'usr_b', count: 1 },
        ],
      });
      const everyone = await read((uow) => uow.analytics.repActivity(week));
      expect(everyone.dealsMoved).toEqual([
        { userId: 'usr_a', currency: 'USD', count: 1, amountMinor: 100 },
        { userId: 'usr_c', currency: 'USD', count: 1, amountMinor: 30 },
      ]);
      expect(everyone.remindersOverdue.map((r) => r.userId)).toEqual(['usr_a', 'usr_b', 'usr_c']);
      const nobody = await read((uow) => uow.analytics.repActivity({ ...week, userIds: [] }));
      expect(Object.values(nobody).every((rows) => rows.length === 0)).toBe(true);
    });
  });

  describe('customer value', () => {
    const asOf = '2026-04-01T00:00:00.000Z';
    /**
     * A: 1 order, USD 100 (Jan 10).   B: 1 order, USD 300 (Mar 1).   C: USD 500 (Feb 1) and EUR 20 (Jan 20).
     * D: 3 orders, EUR 1000, last Jun 1 2025.   E: 1 order, EUR 50 (Mar 1).   F: lost only.   G: won after asOf.
     * Scores (see rfm.test.ts): A 2-1-1, B 4-1-3, C 3-4-5, D 1-5-5, E 4-1-3.
     */
    async function seed(): Promise<void> {
      const won = (accountId: string, amount: { minor: number; currency: string }, closedAt: string) => aDeal({ accountId, amount, status: 'won', probability: 100, closedAt });
      await write(async (uow) => {
        for (const [id, ownerId] of [['acc_a', 'usr_a'], ['acc_b', 'usr_a'], ['acc_c', 'usr_a'], ['acc_d', 'usr_b'], ['acc_e', 'usr_b'], ['acc_f', 'usr_b'], ['acc_g', 'usr_b']] as const) {
          await uow.accounts.insert(anAccount({ id, ownerId, name: `Account ${id.slice(-1).toUpperCase()}` }));
        }
        for (const deal of [
          won('acc_a', usd(100), '2026-01-10T00:00:00.000Z'),
          won('acc_b', usd(300), '2026-03-01T00:00:00.000Z'),
          won('acc_c', usd(500), '2026-02-01T00:00:00.000Z'),
          won('acc_c', eur(20), '2026-01-20T00:00:00.000Z'),
          won('acc_d', eur(400), '2025-01-01T00:00:00.000Z'),
          won('acc_d', eur(300), '2025-03-01T00:00:00.000Z'),
          won('acc_d', eur(300), '2025-06-01T00:00:00.000Z'),
          won('acc_e', eur(50), '2026-03-01T00:00:00.000Z'),
          aDeal({ accountId: 'acc_f', status: 'lost', closedAt: '2026-03-01T00:00:00.000Z' }),
          won('acc_g', usd(9999), '2026-04-05T00:00:00.000Z'),
        ]) {
          await uow.deals.insert(deal);
        }
        for (const [accountId, occurredAt] of [
          ['acc_c', '2026-01-01T00:00:00.000Z'],
          ['acc_c', '2026-02-01T00:00:00.000Z'],
          ['acc_c', '2026-03-01T00:00:00.000Z'],
          ['acc_c', '2026-04-02T00:00:00.000Z'],
          ['acc_e', '2025-10-01T00:00:00.000Z'],
          ['acc_e', '2025-10-11T00:00:00.000Z'],
          ['acc_e', '2025-10-21T00:00:00.000Z'],
        ] as const) {
          await uow.activities.insert(anActivity({ accountId, occurredAt }));
        }
      });
    }

    it('scores every buying account company-wide and counts them per score combination', async () => {
      await seed();
      expect(await read((uow) => uow.analytics.rfmCells({ asOf }))).toEqual([
        { recency: 1, frequency: 5, monetary: 5, accounts: 1, orders: 3, byCurrency: [{ currency: 'EUR', amountMinor: 1000 }] },
        { recency: 2, frequency: 1, monetary: 1, accounts: 1, orders: 1, byCurrency: [{ currency: 'USD', amountMinor: 100 }] },
        { recency: 3, frequency: 4, monetary: 5, accounts: 1, orders: 2, byCurrency: [{ currency: 'EUR', amountMinor: 20 }, { currency: 'USD', amountMinor: 500 }] },
        { recency: 4, frequency: 1, monetary: 3, accounts: 2, orders: 2, byCurrency: [{ currency: 'EUR', amountMinor: 50 }, { currency: 'USD', amountMinor: 300 }] },
      ]);
      // B's owner's accounts are left out, but E keeps the score it has against everyone.
      expect(await read((uow) => uow.analytics.rfmCells({ asOf, ownerIds: ['usr_b'] }))).toEqual([
        { recency: 1, frequency: 5, monetary: 5, accounts: 1, orders: 3, byCurrency: [{ currency: 'EUR', amountMinor: 1000 }] },
        { recency: 4, frequency: 1, monetary: 3, accounts: 1, orders: 1, byCurrency: [{ currency: 'EUR', amountMinor: 50 }] },
      ]);
      expect(await read((uow) => uow.analytics.rfmCells({ asOf, ownerIds: [] }))).toEqual([]);
    });

    it('lists the accounts of chosen score combinations, best first, with their orders and touches', async () => {
      await seed();
      const accounts = await read((uow) =>
        uow.analytics.rfmAccounts({ asOf, cells: [{ recency: 4, frequency: 1, monetary: 3 }, { recency: 3, frequency: 4, monetary: 5 }], limit: 10 }),
      );
      expect(accounts.map((a) => a.accountId)).toEqual(['acc_c', 'acc_b', 'acc_e']);
      expect(accounts[0]).toEqual({
        accountId: 'acc_c',
        accountName: 'Account C',
        ownerId: 'usr_a',
        recency: 3,
        frequency: 4,
        monetary: 5,
        orders: 2,
        firstOrderAt: '2026-01-20T00:00:00.000Z',
        lastOrderAt: '2026-02-01T00:00:00.000Z',
        byCurrency: [{ currency: 'EUR', amountMinor: 20 }, { currency: 'USD', amountMinor: 500 }],
        touches: 3,
        firstTouchAt: '2026-01-01T00:00:00.000Z',
        lastTouchAt: '2026-03-01T00:00:00.000Z',
      } satisfies AccountValue);
      expect(accounts[1]).toMatchObject({ accountId: 'acc_b', touches: 0, firstTouchAt: null, lastTouchAt: null });
      expect((await read((uow) => uow.analytics.rfmAccounts({ asOf, cells: [{ recency: 4, frequency: 1, monetary: 3 }], limit: 1 }))).map((a) => a.accountId)).toEqual(['acc_b']);
    });

    it('finds valuable accounts that went quiet or stopped buying, by the churn rule', async () => {
      await seed();
      const rule = { factorPercent: 200, minTouches: 3, minSilenceSeconds: 14 * 86_400, minOrders: 2, limit: 10 };
      const candidates = (extra: { minMonetary?: number; ownerIds?: string[] }) =>
        read((uow) => uow.analytics.churnCandidates({ asOf, minMonetary: 4, minFrequency: 4, ...rule, ...extra }));
      // D: 3 orders over 151 days, none for 304 days. C: 2 orders 12 days apart, none for 59 days.
      // C's touches (every 29.5 days, silent 31 days) alone would not flag it.
      expect((await candidates({})).map((a) => a.accountId)).toEqual(['acc_d', 'acc_c']);
      // E went silent for 162 days after touches every 10 days, but is valuable only with a lower bar.
      expect((await candidates({ minMonetary: 3 })).map((a) => a.accountId)).toEqual(['acc_d', 'acc_c', 'acc_e']);
      expect((await candidates({ ownerIds: ['usr_a'] })).map((a) => a.accountId)).toEqual(['acc_c']);
    });
  });
}
