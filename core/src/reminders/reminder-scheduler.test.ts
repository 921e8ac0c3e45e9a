import { beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '../shared/errors.js';
import { createWorld, type World } from '../testing/world.js';
import type { User } from '../users/user.schema.js';
import type { Notifier, ReminderNotice } from './notifier.port.js';
import { ReminderScheduler } from './reminder-scheduler.js';

/** A channel that records what it was given and can be told to fail. */
class RecordingNotifier implements Notifier {
  readonly received: ReminderNotice[] = [];
  failuresLeft = 0;
  constructor(readonly channel: string, private readonly reachable: (u: User) => boolean = () => true) {}
  reaches(user: User): boolean {
    return this.reachable(user);
  }
  async deliver(notice: ReminderNotice): Promise<void> {
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('channel down');
    }
    this.received.push(notice);
  }
}

describe('ReminderScheduler', () => {
  let world: World;
  let slack: RecordingNotifier;
  let log: RecordingNotifier;
  const scheduler = (owner = 'hub-a', notifiers: Notifier[] = [slack, log]) =>
    new ReminderScheduler(world.deps, { owner, notifiers, backoffMs: (n) => n * 60_000, maxAttempts: 3 });

  beforeEach(async () => {
    world = await createWorld({ start: '2026-03-02T08:00:00.000Z' });
    slack = new RecordingNotifier('slack');
    log = new RecordingNotifier('log');
  });

  const remind = async (title: string, dueAt: string, user = world.users.ann) => {
    const account = await world.services.accounts.create(world.as(user), { name: `${title} Corp` });
    return world.services.reminders.create(world.as(user), { title, dueAt, accountId: account.id });
  };

  it('delivers a due reminder to every channel once, with its context', async () => {
    const reminder = await remind('Call Acme', '2026-03-02T07:59:00Z');
    await remind('Later', '2026-03-02T09:00:00Z');
    expect(await scheduler().tick()).toMatchObject({ claimed: 1, delivered: 2 });
    expect(slack.received.map((n) => [n.reminder.title, n.account?.name, n.assignee.name])).toEqual([['Call Acme', 'Call Acme Corp', 'Ann']]);
    // A new scheduler (a restarted hub) does not deliver it again.
    world.clock.advance(60_000);
    expect(await scheduler().tick()).toMatchObject({ claimed: 0 });
    expect(slack.received).toHaveLength(1);
    const deliveries = await world.store.read((uow) => uow.deliveries.listForReminder(reminder.id));
    expect(deliveries.map((d) => [d.channel, d.status, d.attempts])).toEqual(expect.arrayContaining([['slack', 'delivered', 1], ['log', 'delivered', 1]]));
  });

  it('retries a failed channel with backoff, without repeating the channels that worked', async () => {
    await remind('Call Acme', '2026-03-02T08:00:00Z');
    slack.failuresLeft = 1;
    expect(await scheduler().tick()).toMatchObject({ delivered: 1, retrying: 1 });
    expect(await scheduler().tick()).toMatchObject({ claimed: 0 }); // backoff: not yet
    world.clock.advance(60_000);
    expect(await scheduler().tick()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(slack.received).toHaveLength(1);
    expect(log.received).toHaveLength(1);
  });

  it('gives up on a channel after the last attempt and records why', async () => {
    const reminder = await remind('Call Acme', '2026-03-02T08:00:00Z');
    slack.failuresLeft = 10;
    for (let i = 0; i < 5; i += 1) {
      await scheduler().tick();
      world.clock.advance(10 * 60_000);
    }
    const failed = await world.store.read((uow) => uow.deliveries.find(reminder.id, reminder.dueAt, 'slack'));
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastError: 'channel down' });
    expect((await world.store.read((uow) => uow.reminders.get(reminder.id)))?.alertAt).toBeNull();
  });

  it('honours a channel asking to retry after a given time', async () => {
    await remind('Call Acme', '2026-03-02T08:00:00Z');
    const limited: Notifier = { channel: 'slack', reaches: () => true, deliver: async () => { throw new CrmError('rate_limited', 'slow down', { details: { retryAfterMs: 30_000 } }); } };
    await scheduler('hub-a', [limited]).tick();
    const [reminder] = (await world.store.read((uow) => uow.reminders.list({}, { limit: 5 }))).items;
    expect(reminder?.alertAt).toBe('2026-03-02T08:00:30.000Z');
  });

  it('holds a reminder during the assignee\'s quiet hours and delivers it after', async () => {
    await world.services.users.update(null, world.users.ann.id, { quietHours: { start: '20:00', end: '08:00' } });
    world.clock.set('2026-03-02T21:30:00Z'); // 22:30 in Berlin
    await remind('Late', '2026-03-02T21:00:00Z');
    expect(await scheduler().tick()).toMatchObject({ deferred: 1, delivered: 0 });
    world.clock.set('2026-03-03T07:00:00Z'); // 08:00 Berlin
    expect(await scheduler().tick()).toMatchObject({ delivered: 2 });
  });

  it('delivers a snoozed reminder again when the snooze ends', async () => {
    const reminder = await remind('Call Acme', '2026-03-02T08:00:00Z');
    await scheduler().tick();
    await world.services.reminders.snooze(world.as(world.users.ann), reminder.id, { until: '2026-03-02T09:00:00Z' });
    world.clock.set('2026-03-02T09:00:00Z');
    await scheduler().tick();
    expect(slack.received.map((n) => n.fireAt)).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-02T09:00:00.000Z']);
  });

  it('only uses the channels that reach the assignee', async () => {
    const onlyBo = new RecordingNotifier('slack', (u) => u.id === world.users.bo.id);
    await remind('Ann\'s', '2026-03-02T08:00:00Z');
    await scheduler('hub-a', [onlyBo]).tick();
    expect(onlyBo.received).toHaveLength(0);
  });

  it('never hands the same reminder to two hubs running at once', async () => {
    for (let i = 0; i < 20; i += 1) await remind(`R${i}`, '2026-03-02T08:00:00Z');
    await Promise.all([scheduler('hub-a').tick(), scheduler('hub-b').tick(), scheduler('hub-c').tick()]);
    const titles = slack.received.map((n) => n.reminder.title).sort();
    expect(titles).toHaveLength(20);
    expect(new Set(titles).size).toBe(20);
  });

  it('does not ping about a firing missed by more than a day, which stays overdue', async () => {
    const old = await remind('Ancient', '2026-02-20T08:00:00Z');
    await remind('Recent', '2026-03-01T09:00:00Z');
    expect(await scheduler().tick()).toMatchObject({ claimed: 2, missed: 1, delivered: 2 });
    expect(slack.received.map((n) => n.reminder.title)).toEqual(['Recent']);
    expect(await scheduler().tick()).toMatchObject({ claimed: 0 });
    const due = await world.services.reminders.listDue(world.as(world.users.ann));
    expect(due.map((r) => r.id)).toContain(old.id);
  });

  it('skips reminders completed before they came due', async () => {
    const reminder = await remind('Done early', '2026-03-02T08:00:00Z');
    await world.services.reminders.complete(world.as(world.users.ann), reminder.id);
    expect(await scheduler().tick()).toMatchObject({ claimed: 0 });
  });
});
