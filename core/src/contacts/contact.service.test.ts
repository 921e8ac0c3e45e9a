import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world.js';

describe('accounts and contacts', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });

  const ann = () => world.as(world.users.ann);

  it('keeps email addresses unique, whatever their case, and names the holder', async () => {
    await world.services.contacts.create(ann(), { name: 'Ann Lee', emails: ['ann@acme.com'] });
    await expect(world.services.contacts.create(ann(), { name: 'Other', emails: ['ANN@acme.com'] })).rejects.toThrow(/ann@acme.com already belongs to Ann Lee/);
  });

  it('keeps web domains unique across accounts and refuses free-mail domains', async () => {
    await world.services.accounts.create(ann(), { name: 'Acme', domains: ['https://www.Acme.com/about'] });
    await expect(world.services.accounts.create(ann(), { name: 'Acme 2', domains: ['acme.com'] })).rejects.toMatchObject({ code: 'conflict' });
    await expect(world.services.accounts.create(ann(), { name: 'Gmail Inc', domains: ['gmail.com'] })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('merges duplicate contacts keeping every address, activity, deal and reminder', async () => {
    const { contacts, deals, activities, reminders, accounts } = world.services;
    const account = await accounts.create(ann(), { name: 'Acme', domains: ['acme.com'] });
    const keep = await contacts.create(ann(), { name: 'Ann Lee', emails: ['ann@acme.com'], accountId: account.id });
    const dup = await contacts.create(ann(), { name: 'A. Lee', emails: ['ann.lee@acme.com'], phones: ['+1 415 555 0100'], title: 'CFO' });
    const deal = await deals.create(ann(), { title: 'Deal', accountId: account.id, primaryContactId: dup.id, amount: { minor: 100, currency: 'EUR' } });
    await activities.log(ann(), { type: 'call', contactId: dup.id, subject: 'Intro call' });
    await reminders.create(ann(), { title: 'Follow up', due: 'tomorrow 9am', contactId: dup.id });

    const merged = await contacts.merge(ann(), keep.id, dup.id);

    expect(merged).toMatchObject({ emails: ['ann@acme.com', 'ann.lee@acme.com'], phones: ['+1 415 555 0100'], title: 'CFO', accountId: account.id, version: 2 });
    await expect(contacts.get(ann(), dup.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await deals.get(ann(), deal.id)).primaryContactId).toBe(keep.id);
    const card = await world.services.cards.card(ann(), { email: 'ann.lee@acme.com' });
    expect(card.contact?.id).toBe(keep.id);
    expect(card.lastActivities.map((a) => a.subject)).toEqual(['Intro call']);
    expect(card.openReminders.map((r) => r.title)).toEqual(['Follow up']);
  });

  it('merges duplicate accounts, moving contacts, deals and domains', async () => {
    const { accounts, contacts, deals } = world.services;
    const keep = await accounts.create(ann(), { name: 'Acme', domains: ['acme.com'] });
    const dup = await accounts.create(ann(), { name: 'ACME Europe', domains: ['acme.eu'], industry: 'Manufacturing' });
    const person = await contacts.create(ann(), { name: 'Jo', accountId: dup.id });
    const deal = await deals.create(ann(), { title: 'EU deal', accountId: dup.id, amount: { minor: 100, currency: 'EUR' } });
    const merged = await accounts.merge(ann(), keep.id, dup.id);
    expect(merged).toMatchObject({ domains: ['acme.com', 'acme.eu'], industry: 'Manufacturing' });
    expect((await contacts.get(ann(), person.id)).accountId).toBe(keep.id);
    expect((await deals.get(ann(), deal.id)).accountId).toBe(keep.id);
  });

  it('will not delete an account that still has deals', async () => {
    const account = await world.services.accounts.create(ann(), { name: 'Acme' });
    await world.services.deals.create(ann(), { title: 'Deal', accountId: account.id, amount: { minor: 1, currency: 'USD' } });
    await expect(world.services.accounts.delete(ann(), account.id)).rejects.toThrow(/still has deals/);
    expect(await world.services.accounts.get(ann(), account.id)).toMatchObject({ name: 'Acme' });
  });

  it('lets a rep create records for themselves only', async () => {
    await expect(world.services.accounts.create(ann(), { name: 'Acme', ownerId: world.users.raj.id })).rejects.toMatchObject({ code: 'forbidden' });
    const byManager = await world.services.accounts.create(world.as(world.users.mia), { name: 'Acme', ownerId: world.users.raj.id });
    expect(byManager.ownerId).toBe(world.users.raj.id);
  });
});

describe('patches change only the fields sent', () => {
  it('leaves every other field of an account, a contact and a user as it was', async () => {
    const world = await createWorld();
    const ann = world.as(world.users.ann);
    const account = await world.services.accounts.create(ann, { name: 'Acme', domains: ['acme.com'], industry: 'Robotics', lifecycle: 'customer', size: '51-200' });
    expect(await world.services.accounts.update(ann, account.id, { name: 'Acme Inc' })).toMatchObject({ name: 'Acme Inc', domains: ['acme.com'], industry: 'Robotics', lifecycle: 'customer', size: '51-200', version: 2 });
    const contact = await world.services.contacts.create(ann, { name: 'Jo', emails: ['jo@acme.com'], phones: ['+1 555 0100'], title: 'CTO', accountId: account.id });
    expect(await world.services.contacts.update(ann, contact.id, { title: 'CEO' })).toMatchObject({ emails: ['jo@acme.com'], phones: ['+1 555 0100'], accountId: account.id, title: 'CEO' });
    const user = await world.services.users.update(null, world.users.mia.id, { quietHours: { start: '21:00', end: '07:00' } });
    expect(user).toMatchObject({ role: 'manager', teamId: world.users.mia.teamId, timeZone: 'America/New_York', quietHours: { start: '21:00', end: '07:00' } });
  });

  it('refuses unknown fields, naming them', async () => {
    const world = await createWorld();
    const account = await world.services.accounts.create(world.as(world.users.ann), { name: 'Acme' });
    await expect(world.services.accounts.update(world.as(world.users.ann), account.id, { nmae: 'typo' } as never)).rejects.toThrow(/Unknown field: nmae/);
  });
});
