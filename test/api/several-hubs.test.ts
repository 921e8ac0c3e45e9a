import { ManualClock, type Notifier, type ReminderNotice } from '@rapport/core';
import { createHub, readConfig, silentLogger, type Hub } from '@rapport/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabaseHandle } from '../support/databases.js';

/** Records what one hub's Slack-like channel delivered. */
class Channel implements Notifier {
  readonly channel = 'dm';
  readonly delivered: ReminderNotice[] = [];
  reaches(): boolean {
    return true;
  }
  async deliver(notice: ReminderNotice): Promise<void> {
    this.delivered.push(notice);
  }
}

const postgres = ENGINES.find((e) => e.engine === 'postgres');

/**
 * Several stateless hubs on one PostgreSQL database: each due reminder is delivered by
 * exactly one of them, and a hub that stops mid-way leaves its work to the others.
 */
describe.skipIf(!postgres?.available)('several hubs on one PostgreSQL database', () => {
  let database: TestDatabaseHandle;
  const hubs: Array<{ hub: Hub; channel: Channel }> = [];
  const clock = new ManualClock('2026-05-04T08:00:00.000Z');

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    for (const id of ['hub-a', 'hub-b', 'hub-c']) {
      const channel = new Channel();
      const config = { ...readConfig({ RAPPORT_SCHEDULER: '0', DATABASE_URL: database.databaseUrl ?? '' }), hubId: id, port: 0 };
      hubs.push({ hub: await createHub({ config, clock, logger: silentLogger, notifiers: [channel] }), channel });
    }
  });
  afterAll(async () => {
    for (const { hub } of hubs) await hub.close();
    await database?.drop();
  });

  it('delivers each of 60 due reminders exactly once across three hubs ticking at once', async () => {
    const hub = hubs[0]!.hub;
    const rep = await hub.services.users.create(null, { name: 'Ann', email: 'ann@hubs.test', timeZone: 'Europe/Berlin' });
    const actor = { user: rep, surface: 'api' as const };
    for (let i = 0; i < 60; i += 1) await hub.services.reminders.create(actor, { title: `Follow-up ${i}`, dueAt: '2026-05-04T07:59:00Z' });

    for (let round = 0; round < 3; round += 1) await Promise.all(hubs.map(({ hub: h }) => h.scheduler.runOnce()));

    const titles = hubs.flatMap(({ channel }) => channel.delivered.map((n) => n.reminder.title));
    expect(titles).toHaveLength(60);
    expect(new Set(titles).size).toBe(60);
    expect(hubs.filter(({ channel }) => channel.delivered.length > 0).length).toBeGreaterThan(1);
  });

  it('picks up a reminder another hub claimed and then abandoned once its lease runs out', async () => {
    const first = hubs[0]!.hub;
    const { hub: second, channel } = hubs[1]!;
    const user = await first.services.users.findByEmail('ann@hubs.test');
    const reminder = await first.services.reminders.create({ user: user!, surface: 'api' }, { title: 'Abandoned', dueAt: '2026-05-04T08:00:00Z' });
    // hub-a claims it and "crashes" before delivering.
    await first.store.transaction((uow) => uow.reminders.claimAlerts({ now: clock.now().toISOString(), owner: 'hub-a', leaseUntil: new Date(clock.now().getTime() + 120_000).toISOString(), limit: 10 }));
    const before = channel.delivered.length;
    await second.scheduler.runOnce();
    expect(channel.delivered.length).toBe(before);
    clock.advance(121_000);
    await second.scheduler.runOnce();
    expect(channel.delivered.slice(before).map((n) => n.reminder.id)).toEqual([reminder.id]);
  });
});
