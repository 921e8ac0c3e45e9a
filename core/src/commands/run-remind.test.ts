import { beforeEach, describe, expect, it } from 'vitest';
import { createCommandWorld, type CommandWorld } from '../testing/command-world.js';
import type { CommandOutcome, RemindOutcome } from './command-outcome.js';

function asRemind(outcome: CommandOutcome): RemindOutcome {
  if (outcome.kind !== 'remind') throw new Error(`expected a remind outcome, got ${outcome.kind}`);
  return outcome;
}

// The world starts on Monday 2026-03-02 08:00 UTC: 09:00 in Berlin (Ann), 16:00 in Shanghai (Raj).
describe('remind', () => {
  let w: CommandWorld;
  beforeEach(async () => {
    w = await createCommandWorld();
  });

  it('sets a reminder for the person typing, at the time read in their zone, linked to the account', async () => {
    const outcome = asRemind(await w.runText(w.users.ann, 'remind tomorrow 9am call Ann about Acme Corp'));
    expect(outcome.reminder).toMatchObject({
      title: 'call Ann',
      dueAt: '2026-03-03T08:00:00.000Z',
      assigneeId: w.users.ann.id,
      accountId: w.accounts.acme.id,
      contactId: null,
      timeZone: 'Europe/Berlin',
      status: 'open',
    });
    expect(outcome).toMatchObject({ dueText: 'tomorrow 9am', dueLocal: '2026-03-03 09:00', timeZone: 'Europe/Berlin', about: 'Acme Corp' });
    expect(outcome.linked).toEqual({ kind: 'account', id: w.accounts.acme.id, name: 'Acme Corp', accountId: w.accounts.acme.id, accountName: 'Acme Corp' });
    expect(outcome.summary).toBe('Reminder set for Tue 2026-03-03 09:00 (Europe/Berlin): call Ann — about Acme Corp.');
    expect((await w.services.reminders.listDue(w.as(w.users.ann), { before: '2026-03-04T00:00:00.000Z' })).map((r) => r.id)).toEqual([outcome.reminder.id]);
  });

  it('links a contact and their account', async () => {
    const outcome = asRemind(await w.runText(w.users.ann, 'remind in 2 hours send the deck about josé'));
    expect(outcome.reminder).toMatchObject({ dueAt: '2026-03-02T10:00:00.000Z', contactId: w.contacts.jose.id, accountId: w.accounts.iberia.id });
    expect(outcome.summary).toBe('Reminder set for Mon 2026-03-02 11:00 (Europe/Berlin): send the deck — about José Núñez (Iberia Foods).');
  });

  it('keeps the reminder when the customer matches nothing, and says so', async () => {
    const outcome = asRemind(await w.runText(w.users.ann, 'remind friday chase the PO about Hooli'));
    expect(outcome.reminder).toMatchObject({ title: 'chase the PO', contactId: null, accountId: null, dueAt: '2026-03-06T08:00:00.000Z' });
    expect(outcome.linked).toBeNull();
    expect(outcome.summary).toBe('No customer called “Hooli” — reminder set without a link, for Fri 2026-03-06 09:00 (Europe/Berlin): chase the PO.');
  });

  it('sets a reminder about nobody when no customer is named', async () => {
    const outcome = asRemind(await w.runText(w.users.ann, 'remind me in 3 days renew my certificate'));
    expect(outcome).toMatchObject({ about: null, linked: null, reminder: { accountId: null, contactId: null } });
    expect(outcome.summary).toBe('Reminder set for Thu 2026-03-05 09:00 (Europe/Berlin): renew my certificate.');
  });

  it('reads Chinese in the Shanghai zone and links the Chinese account', async () => {
    const outcome = asRemind(await w.runText(w.users.raj, 'remind 明天上午9点 给王伟打电话 about 华为'));
    expect(outcome.reminder).toMatchObject({
      title: '给王伟打电话',
      dueAt: '2026-03-03T01:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      accountId: w.accounts.huawei.id,
    });
    expect(outcome.summary).toBe('Reminder set for Tue 2026-03-03 09:00 (Asia/Shanghai): 给王伟打电话 — about 深圳华为技术有限公司.');
  });
});
