import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../reminders/reminder.schema.js';
import type { AlertClaim } from '../../reminders/reminder.port.js';
import { aReminder } from '../builders.js';
import { ids, sortedIds, type ContractContext } from './support.js';

const NOW = '2026-03-10T09:00:00.000Z';
const LEASE = '2026-03-10T09:05:00.000Z';
const AFTER_LEASE = '2026-03-10T09:05:00.000Z';

const claim = (owner: string, patch: Partial<AlertClaim> = {}): AlertClaim => ({ now: NOW, owner, leaseUntil: LEASE, limit: 10, ...patch });

export function describeAlertContract({ write, read }: ContractContext): void {
  const insertAll = (reminders: Reminder[]): Promise<void> =>
    write(async (uow) => {
      for (const r of reminders) await uow.reminders.insert(r);
    });

  describe('reminder alert leases', () => {
    it('claims open reminders whose alert time has come, oldest first, up to the limit', async () => {
      const due = [
        aReminder({ alertAt: '2026-03-10T08:59:00.000Z' }),
        aReminder({ alertAt: '2026-03-01T00:00:00.000Z' }),
        aReminder({ alertAt: NOW }),
        aReminder({ alertAt: '2026-03-01T00:00:00.000Z' }),
      ];
      const notDue = [
        aReminder({ alertAt: '2026-03-10T09:00:00.001Z' }),
        aReminder({ alertAt: null }),
        aReminder({ alertAt: '2026-03-01T00:00:00.000Z', status: 'done', completedAt: NOW }),
        aReminder({ alertAt: '2026-03-01T00:00:00.000Z', status: 'cancelled' }),
      ];
      await insertAll([...notDue, ...due]);
      const first = await write((uow) => uow.reminders.claimAlerts(claim('hub-a', { limit: 3 })));
      expect(ids(first)).toEqual(ids([due[1]!, due[3]!, due[0]!]));
      expect(first[0]).toEqual(due[1]);
      const rest = await write((uow) => uow.reminders.claimAlerts(claim('hub-a')));
      expect(ids(rest)).toEqual([due[2]!.id]);
      expect(await write((uow) => uow.reminders.claimAlerts(claim('hub-b')))).toEqual([]);
      expect(await read((uow) => uow.reminders.get(due[0]!.id))).toEqual(due[0]);
    });

    it('never gives the same reminder to two hubs claiming at once', async () => {
      const reminders = Array.from({ length: 12 }, (_, i) => aReminder({ alertAt: `2026-03-0${(i % 9) + 1}T00:00:00.000Z` }));
      await insertAll(reminders);
      const claims = await Promise.all(
        ['hub-a', 'hub-b', 'hub-c'].map((owner) => write((uow) => uow.reminders.claimAlerts(claim(owner, { limit: 5 })))),
      );
      const claimed = claims.flat();
      expect(new Set(ids(claimed)).size).toBe(claimed.length);
      expect(sortedIds(claimed)).toEqual(sortedIds(reminders));
    });

    it('lets another hub reclaim a reminder once its lease has expired', async () => {
      const reminder = aReminder({ alertAt: '2026-03-01T00:00:00.000Z' });
      await insertAll([reminder]);
      expect(ids(await write((uow) => uow.reminders.claimAlerts(claim('hub-a'))))).toEqual([reminder.id]);
      const stillLeased = claim('hub-b', { now: '2026-03-10T09:04:59.999Z', leaseUntil: '2026-03-10T09:10:00.000Z' });
      expect(await write((uow) => uow.reminders.claimAlerts(stillLeased))).toEqual([]);
      const expired = claim('hub-b', { now: AFTER_LEASE, leaseUntil: '2026-03-10T09:10:00.000Z' });
      expect(ids(await write((uow) => uow.reminders.claimAlerts(expired)))).toEqual([reminder.id]);
      // hub-a's lease is gone: its release must not end hub-b's lease.
      await write((uow) => uow.reminders.releaseAlert(reminder.id, 'hub-a', reminder.version, null));
      expect((await read((uow) => uow.reminders.get(reminder.id)))?.alertAt).toBe(reminder.alertAt);
      const third = claim('hub-c', { now: '2026-03-10T09:06:00.000Z' });
      expect(await write((uow) => uow.reminders.claimAlerts(third))).toEqual([]);
    });

    it('sets the next alert time on release when the reminder was not edited meanwhile', async () => {
      const once = aReminder({ alertAt: '2026-03-01T00:00:00.000Z', version: 2 });
      const again = aReminder({ alertAt: '2026-03-01T00:00:00.000Z' });
      await insertAll([once, again]);
      await write((uow) => uow.reminders.claimAlerts(claim('hub-a')));
      const retryAt = '2026-03-10T10:00:00.000Z';
      await write(async (uow) => {
        await uow.reminders.releaseAlert(once.id, 'hub-a', 2, null);
        await uow.reminders.releaseAlert(again.id, 'hub-a', 1, retryAt);
      });
      expect(await read((uow) => uow.reminders.get(once.id))).toEqual({ ...once, alertAt: null });
      expect(await read((uow) => uow.reminders.get(again.id))).toEqual({ ...again, alertAt: retryAt });
      expect(await write((uow) => uow.reminders.claimAlerts(claim('hub-b')))).toEqual([]);
      const later = claim('hub-b', { now: retryAt, leaseUntil: '2026-03-10T10:05:00.000Z' });
      expect(ids(await write((uow) => uow.reminders.claimAlerts(later)))).toEqual([again.id]);
    });

    it('keeps an edit made during delivery: a stale release only ends the lease', async () => {
      const reminder = aReminder({ alertAt: '2026-03-01T00:00:00.000Z' });
      await insertAll([reminder]);
      await write((uow) => uow.reminders.claimAlerts(claim('hub-a')));
      const snoozed = {
        ...reminder,
        snoozedUntil: '2026-03-10T08:30:00.000Z',
        alertAt: '2026-03-10T08:30:00.000Z',
        version: 2,
        updatedAt: '2026-03-10T09:01:00.000Z',
      };
      expect(await write((uow) => uow.reminders.update(snoozed))).toBe(true);
      await write((uow) => uow.reminders.releaseAlert(reminder.id, 'hub-a', 1, null));
      expect(await read((uow) => uow.reminders.get(reminder.id))).toEqual(snoozed);
      expect(ids(await write((uow) => uow.reminders.claimAlerts(claim('hub-b'))))).toEqual([reminder.id]);
    });
  });
}
