import { describe, expect, it } from 'vitest';
import type { AccountOrders } from '../../analytics/report-queries.port.js';
import { aContact, aDeal, anAccount, anActivity, aReminder, aStageChange } from '../builders.js';
import type { AnalyticsContractContext } from './support.js';

const usd = (minor: number) => ({ minor, currency: 'USD' });
const eur = (minor: number) => ({ minor, currency: 'EUR' });

export function describePeopleAnalyticsContract({ write, read }: AnalyticsContractContext): void {
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
     * (Their scores against each other are worked out in rfm.test.ts.) A won deal of an account
     * that is not there counts for nobody.
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
          won('acc_ghost', usd(1), '2026-01-01T00:00:00.000Z'),
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

    it('adds up each buying account\'s won deals before asOf, per currency, with its owner', async () => {
      await seed();
      const order = (accountId: string, ownerId: string, orders: number, first: string, last: string, byCurrency: AccountOrders['byCurrency']): AccountOrders => ({
        accountId,
        ownerId,
        orders,
        firstOrderAt: `${first}T00:00:00.000Z`,
        lastOrderAt: `${last}T00:00:00.000Z`,
        byCurrency,
      });
      expect(await read((uow) => uow.analytics.accountOrders({ asOf }))).toEqual([
        order('acc_a', 'usr_a', 1, '2026-01-10', '2026-01-10', [{ currency: 'USD', amountMinor: 100 }]),
        order('acc_b', 'usr_a', 1, '2026-03-01', '2026-03-01', [{ currency: 'USD', amountMinor: 300 }]),
        order('acc_c', 'usr_a', 2, '2026-01-20', '2026-02-01', [{ currency: 'EUR', amountMinor: 20 }, { currency: 'USD', amountMinor: 500 }]),
        order('acc_d', 'usr_b', 3, '2025-01-01', '2025-06-01', [{ currency: 'EUR', amountMinor: 1000 }]),
        order('acc_e', 'usr_b', 1, '2026-03-01', '2026-03-01', [{ currency: 'EUR', amountMinor: 50 }]),
      ]);
      expect(await read((uow) => uow.analytics.accountOrders({ asOf: '2025-02-01T00:00:00.000Z' }))).toEqual([
        order('acc_d', 'usr_b', 1, '2025-01-01', '2025-01-01', [{ currency: 'EUR', amountMinor: 400 }]),
      ]);
    });

    it('counts the touches of the accounts asked for, before asOf', async () => {
      await seed();
      const touches = (accountIds: string[]) => read((uow) => uow.analytics.accountTouches({ asOf, accountIds }));
      expect(await touches(['acc_e', 'acc_b', 'acc_c'])).toEqual([
        { accountId: 'acc_c', touches: 3, firstTouchAt: '2026-01-01T00:00:00.000Z', lastTouchAt: '2026-03-01T00:00:00.000Z' },
        { accountId: 'acc_e', touches: 3, firstTouchAt: '2025-10-01T00:00:00.000Z', lastTouchAt: '2025-10-21T00:00:00.000Z' },
      ]);
      expect(await touches([])).toEqual([]);
    });
  });
}
