import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world.js';

describe('ReminderService', () => {
  let world: World;
  beforeEach(async () => {
    // Monday 2 March 2026, 08:00 UTC = 09:00 in Berlin, 16:00 in Shanghai.
    world = await createWorld({ start: '2026-03-02T08:00:00.000Z' });
  });

  it('reads "tomorrow 9am" in the assignee\'s time zone', async () => {
    const ann = await world.services.reminders.create(world.as(world.users.ann), { title: 'Call Acme', due: 'tomorrow 9am' });
    expect(ann.dueAt).toBe('2026-03-03T08:00:00.000Z'); // 09:00 Berlin (UTC+1)
    expect(ann.timeZone).toBe('Europe/Berlin');
    const raj = await world.services.reminders.create(world.as(world.users.raj), { title: '给华为打电话', due: '明天上午9点' });
    expect(raj.dueAt).toBe('2026-03-03T01:00:00.000Z'); // 09:00 Shanghai (UTC+8)
  });

  it('refuses words it cannot read, saying what to type', async () => {
    await expect(world.services.reminders.create(world.as(world.users.ann), { title: 'x', due: 'whenever' })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'due' })],
    });
  });

  it('snoozes, completes and cancels by the rules', async () => {
    const actor = world.as(world.users.ann);
    const reminder = await world.services.reminders.create(actor, { title: 'Call', dueAt: '2026-03-02T09:00:00Z' });
    const snoozed = await world.services.reminders.snooze(actor, reminder.id, { for: 'in 2 hours' });
    expect(snoozed).toMatchObject({ snoozedUntil: '2026-03-02T10:00:00.000Z', alertAt: '2026-03-02T10:00:00.000Z' });
    const { reminder: done, next } = await world.services.reminders.complete(actor, reminder.id);
    expect(done).toMatchObject({ status: 'done', alertAt: null, completedAt: '2026-03-02T08:00:00.000Z' });
    expect(next).toBeNull();
    await expect(world.services.reminders.cancel(actor, reminder.id)).rejects.toThrow(/already done/);
  });

  it('completing a weekly reminder sets the next one at the same local time', async () => {
    const actor = world.as(world.users.mia); // New York: DST starts 8 March 2026
    const weekly = await world.services.reminders.create(actor, { title: 'Pipeline review', dueAt: '2026-03-02T14:00:00Z', recurrence: { frequency: 'weekly', interval: 1 } });
    world.clock.set('2026-03-02T15:00:00Z');
    const { next } = await world.services.reminders.complete(actor, weekly.id);
    // 09:00 EST (UTC-5) becomes 09:00 EDT (UTC-4).
    expect(next).toMatchObject({ dueAt: '2026-03-09T13:00:00.000Z', status: 'open', recurrence: { frequency: 'weekly' } });
  });

  it('keeps reminders private to their assignee and the assignee\'s managers', async () => {
    const mine = await world.services.reminders.create(world.as(world.users.ann), { title: 'Private', due: 'tomorrow' });
    await expect(world.services.reminders.get(world.as(world.users.raj), mine.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(world.services.reminders.snooze(world.as(world.users.bo), mine.id, { for: '1h' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await world.services.reminders.get(world.as(world.users.mia), mine.id)).toMatchObject({ title: 'Private' });
    await expect(world.services.reminders.list(world.as(world.users.will), { assigneeId: world.users.ann.id }, { limit: 10 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lists what is due today or overdue, soonest first', async () => {
    const actor = world.as(world.users.ann);
    await world.services.reminders.create(actor, { title: 'Overdue', dueAt: '2026-02-27T09:00:00Z' });
    await world.services.reminders.create(actor, { title: 'Tonight', dueAt: '2026-03-02T20:00:00Z' });
    await world.services.reminders.create(actor, { title: 'Tomorrow', dueAt: '2026-03-03T08:00:00Z' });
    const due = await world.services.reminders.listDue(actor);
    expect(due.map((r) => r.title)).toEqual(['Overdue', 'Tonight']);
  });

  it('lets a manager set a reminder for their team, not for another team', async () => {
    const mia = world.as(world.users.mia);
    expect(await world.services.reminders.create(mia, { title: 'Call back', due: 'tomorrow', assigneeId: world.users.ann.id })).toMatchObject({ assigneeId: world.users.ann.id, createdById: world.users.mia.id });
    await expect(world.services.reminders.create(mia, { title: 'x', due: 'tomorrow', assigneeId: world.users.bo.id })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
