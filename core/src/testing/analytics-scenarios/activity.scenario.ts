import { describe, expect, it } from 'vitest';
import type { RepActivity } from '../../analytics/activity/activity-report.js';
import type { AnalyticsStore } from '../../store/store.port.js';
import type { StoreFactory } from '../contract/support.js';
import type { World } from '../world.js';
import { aDealOf, anAccountOf, at, eur, usd, useWorld } from './support.js';

/**
 * The week of Monday 2026-03-02.
 * Ann (Berlin): account and contact on Monday; emails Sunday 23:30 (before her week) and Monday 00:30 and
 * Sunday 23:59 (in it), a meeting on Wednesday; deals USD 1,000 and EUR 2,000 created, the USD one moved,
 * the EUR one won; one reminder done, one overdue.
 * Raj (Shanghai): a call at 17:00 UTC on Monday, 01:00 Tuesday for him.
 * Bo (Los Angeles): emails at 22:00 Monday his time, and either side of his midnight after the
 * clocks went forward on Sunday March 8 (23:30 PDT is 06:30 UTC, 00:30 is 07:30 UTC).
 */
async function seed(w: World): Promise<void> {
  const ann = w.as(w.users.ann);
  const bo = w.as(w.users.bo);
  const acme = await anAccountOf(w, w.users.ann, 'Acme');
  await w.services.contacts.create(ann, { name: 'Lucía Fernández', emails: ['lucia@acme.example'], accountId: acme });
  const globex = await anAccountOf(w, w.users.bo, 'Globex');
  const dollars = await aDealOf(w, w.users.ann, acme, { title: 'Dollars', amount: usd(100_000) });
  const euros = await aDealOf(w, w.users.ann, acme, { title: 'Euros', amount: eur(200_000) });
  const done = await w.services.reminders.create(ann, { title: 'Send the offer', dueAt: '2026-03-03T08:00:00.000Z' });
  await w.services.reminders.create(ann, { title: 'Chase the signature', dueAt: '2026-03-05T08:00:00.000Z' });
  const log = (actor: typeof ann, type: 'email' | 'call' | 'meeting', occurredAt: string, accountId: string) => w.services.activities.log(actor, { type, occurredAt, accountId });
  at(w, '2026-03-03T10:00:00.000Z');
  await log(ann, 'email', '2026-03-01T22:30:00.000Z', acme);
  await log(ann, 'email', '2026-03-01T23:30:00.000Z', acme);
  await log(w.as(w.users.raj), 'call', '2026-03-02T17:00:00.000Z', acme);
  await log(bo, 'email', '2026-03-03T06:00:00.000Z', globex);
  await w.services.deals.moveStage(ann, dollars.id, 'demo');
  at(w, '2026-03-04T10:00:00.000Z');
  await log(ann, 'meeting', '2026-03-04T10:00:00.000Z', acme);
  await w.services.reminders.complete(ann, done.id);
  at(w, '2026-03-05T10:00:00.000Z');
  await w.services.deals.win(ann, euros.id);
  at(w, '2026-03-09T12:00:00.000Z');
  await log(ann, 'email', '2026-03-08T22:59:00.000Z', acme);
  await log(bo, 'email', '2026-03-09T06:30:00.000Z', globex);
  await log(bo, 'email', '2026-03-09T07:30:00.000Z', globex);
}

const activities = (row: RepActivity | undefined) => row && Object.entries(row.activities).filter(([, n]) => n > 0);

export function describeActivityScenarios(makeStore: StoreFactory<AnalyticsStore>): void {
  describe('rep activity report', () => {
    const world = useWorld(makeStore, '2026-03-02T08:00:00.000Z');

    it('shows a rep\'s week on their own calendar: activities, new records, deals with amounts, reminders', async () => {
      const w = world();
      await seed(w);
      const report = await w.services.analytics.activity.report(w.as(w.users.ann), { period: 'week', date: '2026-03-04' });
      expect(report.range).toEqual({ firstDay: '2026-03-02', lastDay: '2026-03-08', start: '2026-03-01T23:00:00.000Z', end: '2026-03-08T23:00:00.000Z', timeZone: 'Europe/Berlin' });
      expect(report.reps).toEqual([
        {
          kind: 'rep',
          id: w.users.ann.id,
          name: 'Ann',
          activities: { email: 2, call: 0, meeting: 1, note: 0, chat: 0, total: 3 },
          contactsCreated: 1,
          accountsCreated: 1,
          dealsCreated: { count: 2, byCurrency: [{ currency: 'EUR', count: 1, amountMinor: 200_000 }, { currency: 'USD', count: 1, amountMinor: 100_000 }] },
          dealsMoved: { count: 1, byCurrency: [{ currency: 'USD', count: 1, amountMinor: 100_000 }] },
          dealsWon: { count: 1, byCurrency: [{ currency: 'EUR', count: 1, amountMinor: 200_000 }] },
          dealsLost: { count: 0, byCurrency: [] },
          remindersCompleted: 1,
          remindersOverdue: 1,
        },
      ]);
    });

    it('cuts days at each person\'s midnight, across a daylight-saving change', async () => {
      const w = world();
      await seed(w);
      const day = async (user: World['users']['raj'], period: 'day' | 'week', date: string) => activities((await w.services.analytics.activity.report(w.as(user), { period, date })).reps[0]);
      expect(await day(w.users.raj, 'day', '2026-03-03')).toEqual([['call', 1], ['total', 1]]);
      expect(await day(w.users.raj, 'day', '2026-03-02')).toEqual([]);
      expect(await day(w.users.bo, 'day', '2026-03-02')).toEqual([['email', 1], ['total', 1]]);
      const week = await w.services.analytics.activity.report(w.as(w.users.bo), { period: 'week', date: '2026-03-02' });
      expect(week.range).toMatchObject({ start: '2026-03-02T08:00:00.000Z', end: '2026-03-09T07:00:00.000Z' });
      expect(activities(week.reps[0])).toEqual([['email', 2], ['total', 2]]);
    });

    it('shows a manager each person of the team and the team, on the manager\'s calendar', async () => {
      const w = world();
      await seed(w);
      const report = await w.services.analytics.activity.report(w.as(w.users.mia), { period: 'week', date: '2026-03-02' });
      expect(report.scope).toMatchObject({ kind: 'team', name: 'East' });
      // In New York Ann's Monday 00:30 email was still Sunday.
      expect(report.reps.map((r) => [r.name, r.activities.total])).toEqual([['Ann', 2], ['Mia', 0], ['Raj', 1]]);
      expect(report.teams.map((t) => [t.name, t.activities.total, t.dealsWon.count])).toEqual([['East', 3, 1]]);
      expect(report.total.activities).toEqual({ email: 1, call: 1, meeting: 1, note: 0, chat: 0, total: 3 });
    });

    it('lets a rep see only their own report, a manager their team\'s, an admin everyone\'s', async () => {
      const w = world();
      await seed(w);
      const activity = w.services.analytics.activity;
      await expect(activity.report(w.as(w.users.ann), { scope: 'team' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(activity.report(w.as(w.users.bo), { scope: w.users.ann.id })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(activity.report(w.as(w.users.will), { scope: w.users.mia.teamId ?? '' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(activity.report(w.as(w.users.mia), { scope: 'all' })).rejects.toMatchObject({ code: 'forbidden' });
      expect((await activity.report(w.as(w.users.mia), { scope: w.users.ann.id })).reps.map((r) => r.name)).toEqual(['Ann']);
      const everyone = await activity.report(w.as(w.users.admin), { period: 'month', date: '2026-03-02' });
      expect(everyone.reps.map((r) => r.name)).toEqual(['Ann', 'Bo', 'Mia', 'Raj', 'Will']);
      expect(everyone.teams.map((t) => t.name)).toEqual(['East', 'West']);
    });
  });
}
