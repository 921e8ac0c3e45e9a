import { beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../contacts/contact.schema.js';
import { createWorld, type World } from '../testing/world.js';
import { noReplyTitle } from './awaiting-reply.js';

describe('"no reply" reminders', () => {
  let world: World;
  let wang: Contact;
  // Tuesday 3 March 2026, 10:00 in Berlin.
  const sentAt = '2026-03-03T09:00:00.000Z';
  const sent = { messageId: '<offer-1@mail.rapport.test>', threadId: '18c2f0a1b2', email: 'wang.fang@huawei.example', sentAt };

  beforeEach(async () => {
    world = await createWorld({ start: sentAt });
    const ann = world.as(world.users.ann);
    const account = await world.services.accounts.create(ann, { name: 'Huawei', domains: ['huawei.example'] });
    wang = await world.services.contacts.create(ann, { name: '王芳', emails: ['wang.fang@huawei.example'], accountId: account.id });
  });

  const ann = () => world.as(world.users.ann, 'gmail');
  const remind = () => world.services.reminders.create(ann(), { due: 'in 3 days', awaitingReply: sent });
  const logReply = (overrides: Record<string, unknown> = {}) =>
    world.services.capture.logEmail(ann(), {
      email: 'wang.fang@huawei.example',
      messageId: '<re-offer-1@huawei.example>',
      subject: 'Re: Our offer',
      inReplyTo: '<offer-1@mail.rapport.test>',
      references: ['<offer-1@mail.rapport.test>'],
      ...overrides,
    });

  it('says who has not replied since which day, with the thread\'s link, about their contact and account', async () => {
    const reminder = await remind();
    expect(reminder).toMatchObject({ title: 'No reply from 王芳 since Tuesday', contactId: wang.id, accountId: wang.accountId, dueAt: '2026-03-06T08:00:00.000Z' }); // Friday 9:00 in Berlin
    expect(reminder.notes).toBe('https://mail.google.com/mail/#all/18c2f0a1b2');
    expect(reminder.awaitingReply).toMatchObject({ messageId: '<offer-1@mail.rapport.test>', contactId: wang.id, email: 'wang.fang@huawei.example', sentAt });
  });

  it('completes itself when the contact\'s reply is logged, citing the sent Message-ID', async () => {
    const reminder = await remind();
    await logReply();
    expect(await world.services.reminders.get(ann(), reminder.id)).toMatchObject({ status: 'done', alertAt: null });
  });

  it('completes itself on a reply in the same Gmail thread, even without References', async () => {
    const reminder = await remind();
    await logReply({ inReplyTo: null, references: [], threadId: '18c2f0a1b2' });
    expect((await world.services.reminders.get(ann(), reminder.id)).status).toBe('done');
  });

  it('stays open when the rep logs their own sent email, another thread, or someone else writes', async () => {
    const reminder = await remind();
    await logReply({ messageId: '<offer-1@mail.rapport.test>', from: 'ann@rapport.test', inReplyTo: null, references: [] });
    await logReply({ messageId: '<other@huawei.example>', inReplyTo: '<unrelated@huawei.example>', references: [] });
    await world.services.contacts.create(ann(), { name: 'Li Na', emails: ['li.na@huawei.example'] });
    await logReply({ messageId: '<li@huawei.example>', email: 'li.na@huawei.example' });
    expect((await world.services.reminders.get(ann(), reminder.id)).status).toBe('open');
  });

  it('is set through the capture service too, and completed there by the reply', async () => {
    const reminder = await world.services.capture.remind(ann(), { due: 'in 3 days', email: 'wang.fang@huawei.example', awaitingReply: sent });
    expect(reminder).toMatchObject({ title: 'No reply from 王芳 since Tuesday', contactId: wang.id });
    await logReply();
    expect((await world.services.reminders.get(ann(), reminder.id)).status).toBe('done');
  });

  it('refuses a "no reply" reminder that says neither who should reply nor a title-less plain reminder', async () => {
    await expect(world.services.reminders.create(ann(), { due: 'in 3 days', awaitingReply: { messageId: '<x@y>' } })).rejects.toThrow(/contactId or email/);
    await expect(world.services.reminders.create(ann(), { due: 'in 3 days' })).rejects.toThrow(/title/);
  });

  it('names the day as a date once it is a week or more back', () => {
    expect(noReplyTitle('Zoë', '2026-03-03T09:00:00Z', '2026-03-12T09:00:00Z', 'Europe/Berlin')).toBe('No reply from Zoë since 3 March');
    expect(noReplyTitle('Zoë', '2026-03-03T09:00:00Z', '2026-03-04T09:00:00Z', 'Europe/Berlin')).toBe('No reply from Zoë since yesterday');
    // 23:30 on Monday in Berlin is already Tuesday in Shanghai.
    expect(noReplyTitle('Zoë', '2026-03-02T22:30:00Z', '2026-03-06T09:00:00Z', 'Asia/Shanghai')).toBe('No reply from Zoë since Tuesday');
  });
});
