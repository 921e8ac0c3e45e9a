import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../reminders/reminder.schema.js';
import type { ReminderFilter } from '../../reminders/reminder.port.js';
import { aReminder } from '../builders.js';
import { allPages, badCursors, expectCrmError, ids, type ContractContext } from './support.js';

const bump = (reminder: Reminder, patch: Partial<Reminder> = {}): Reminder => ({
  ...reminder,
  ...patch,
  version: reminder.version + 1,
  updatedAt: '2026-02-01T10:00:00.000Z',
});

export function describeReminderContract({ write, read }: ContractContext): void {
  describe('reminders', () => {
    it('stores a reminder exactly, recurrence and all', async () => {
      const reminder = aReminder({
        title: 'Rappeler Hélène 📞',
        notes: '带上报价单',
        contactId: 'con_helene',
        dealId: 'deal_acme',
        dueAt: '2026-03-01T12:34:56.789Z',
        timeZone: 'Europe/Paris',
        snoozedUntil: '2026-03-02T08:00:00.000Z',
        recurrence: { frequency: 'weekly', interval: 2 },
        alertAt: '2026-03-02T08:00:00.000Z',
        version: 4,
      });
      const done = aReminder({
        status: 'done',
        completedAt: '2026-03-03T00:00:00.000Z',
        recurrence: null,
        alertAt: null,
        awaitingReply: { messageId: '<offre-1@mail.example>', threadId: '18c2f', threadUrl: null, contactId: 'con_helene', email: 'helene@acme.example', sentAt: '2026-02-27T16:00:00.000Z' },
      });
      await write(async (uow) => {
        await uow.reminders.insert(reminder);
        await uow.reminders.insert(done);
      });
      expect(await read((uow) => uow.reminders.get(reminder.id))).toEqual(reminder);
      expect(await read((uow) => uow.reminders.get(done.id))).toEqual(done);
      expect(await read((uow) => uow.reminders.get('rem_missing'))).toBeNull();
      await expectCrmError(write((uow) => uow.reminders.insert(done)), 'conflict', done.id);
    });

    it('lists by fire time (snoozedUntil, else dueAt), then id, across pages', async () => {
      const r = [
        aReminder({ dueAt: '2026-01-05T00:00:00.000Z' }),
        aReminder({ dueAt: '2026-01-01T00:00:00.000Z', snoozedUntil: '2026-01-09T00:00:00.000Z' }),
        aReminder({ dueAt: '2026-01-03T00:00:00.000Z' }),
        aReminder({ dueAt: '2026-01-02T00:00:00.000Z', snoozedUntil: '2026-01-03T00:00:00.000Z' }),
        aReminder({ dueAt: '2026-01-04T00:00:00.000Z' }),
      ];
      await write(async (uow) => {
        for (const reminder of [...r].reverse()) await uow.reminders.insert(reminder);
      });
      const { items } = await allPages((page) => read((uow) => uow.reminders.list({}, page)), 2);
      expect(ids(items)).toEqual(ids([r[2]!, r[3]!, r[4]!, r[0]!, r[1]!]));
      for (const cursor of badCursors(2)) {
        await expectCrmError(read((uow) => uow.reminders.list({}, { limit: 5, cursor })), 'invalid_input');
      }
    });

    it('filters by assignee, status, fire time and linked records', async () => {
      const r = [
        aReminder({ assigneeId: 'usr_a', status: 'open', dueAt: '2026-01-01T00:00:00.000Z', contactId: 'con_a', accountId: null }),
        aReminder({ assigneeId: 'usr_b', status: 'done', dueAt: '2026-01-02T00:00:00.000Z', accountId: 'acc_a' }),
        aReminder({ assigneeId: 'usr_a', status: 'cancelled', dueAt: '2026-01-03T00:00:00.000Z', accountId: null, dealId: 'deal_a' }),
        aReminder({ assigneeId: 'usr_a', status: 'open', dueAt: '2026-01-01T00:00:00.000Z', snoozedUntil: '2026-01-04T00:00:00.000Z', accountId: 'acc_b' }),
      ];
      await write(async (uow) => {
        for (const reminder of r) await uow.reminders.insert(reminder);
      });
      const list = async (filter: ReminderFilter): Promise<string[]> =>
        ids((await allPages((page) => read((uow) => uow.reminders.list(filter, page)), 1)).items);
      const pick = (...i: number[]): string[] => i.map((n) => r[n]!.id);
      expect(await list({ assigneeId: 'usr_a' })).toEqual(pick(0, 2, 3));
      expect(await list({ statuses: ['open', 'done'] })).toEqual(pick(0, 1, 3));
      expect(await list({ statuses: [] })).toEqual([]);
      expect(await list({ fireBefore: '2026-01-03T00:00:00.000Z' })).toEqual(pick(0, 1));
      expect(await list({ fireBefore: '2026-01-04T00:00:00.001Z', statuses: ['open'] })).toEqual(pick(0, 3));
      expect(await list({ about: { contactIds: ['con_a'], dealIds: ['deal_a'] } })).toEqual(pick(0, 2));
      expect(await list({ about: { accountIds: ['acc_a', 'acc_b'] }, assigneeId: 'usr_a' })).toEqual(pick(3));
      expect(await list({ about: {} })).toEqual([]);
    });

    it('updates only on the next version', async () => {
      const reminder = aReminder();
      await write((uow) => uow.reminders.insert(reminder));
      expect(await write((uow) => uow.reminders.update({ ...reminder, title: 'stale' }))).toBe(false);
      expect(await read((uow) => uow.reminders.get(reminder.id))).toEqual(reminder);
      const next = bump(reminder, { status: 'done', completedAt: '2026-02-01T10:00:00.000Z', alertAt: null });
      expect(await write((uow) => uow.reminders.update(next))).toBe(true);
      expect(await read((uow) => uow.reminders.get(reminder.id))).toEqual(next);
      expect(await write((uow) => uow.reminders.update(bump(aReminder({ id: 'rem_ghost' }))))).toBe(false);
    });

    it('relinks reminders to another contact or account, bumping version', async () => {
      const a = aReminder({ contactId: 'con_old', accountId: 'acc_old' });
      const b = aReminder({ contactId: 'con_keep', accountId: 'acc_old', version: 3 });
      await write(async (uow) => {
        await uow.reminders.insert(a);
        await uow.reminders.insert(b);
      });
      expect(await write((uow) => uow.reminders.reassignContact('con_old', 'con_new'))).toBe(1);
      expect(await read((uow) => uow.reminders.get(a.id))).toEqual({ ...a, contactId: 'con_new', version: 2 });
      const at = '2026-05-05T05:05:05.005Z';
      expect(await write((uow) => uow.reminders.reassignAccount('acc_old', null, at))).toBe(2);
      expect(await read((uow) => uow.reminders.get(a.id))).toEqual({ ...a, contactId: 'con_new', accountId: null, version: 3, updatedAt: at });
      expect(await read((uow) => uow.reminders.get(b.id))).toEqual({ ...b, accountId: null, version: 4, updatedAt: at });
      expect(await write((uow) => uow.reminders.reassignContact('con_none', null))).toBe(0);
    });
  });
}
