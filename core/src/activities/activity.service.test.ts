import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world.js';

describe('ActivityService', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });

  it('logs an email once, however often it is sent, by its Message-ID', async () => {
    const ann = world.as(world.users.ann, 'gmail');
    const contact = await world.services.contacts.create(ann, { name: 'Ann Lee', emails: ['ann@acme.com'] });
    const email = { type: 'email' as const, subject: 'Pricing', contactId: contact.id, externalId: '<CAF=abc@mail.gmail.com>', participants: ['ann@acme.com'] };
    const first = await world.services.activities.log(ann, email);
    const second = await world.services.activities.log(world.as(world.users.raj, 'gmail'), email);
    expect(first.created).toBe(true);
    expect(second).toEqual({ activity: first.activity, created: false });
    const all = await world.services.activities.list(ann, { about: { contactIds: [contact.id] } }, { limit: 10 });
    expect(all.items).toHaveLength(1);
  });

  it('fills in the account and contact from the deal it is about', async () => {
    const ann = world.as(world.users.ann);
    const account = await world.services.accounts.create(ann, { name: 'Acme' });
    const contact = await world.services.contacts.create(ann, { name: 'Jo', accountId: account.id });
    const deal = await world.services.deals.create(ann, { title: 'D', accountId: account.id, primaryContactId: contact.id, amount: { minor: 1, currency: 'USD' } });
    const { activity } = await world.services.activities.log(ann, { type: 'note', dealId: deal.id, body: 'Budget approved' });
    expect(activity).toMatchObject({ dealId: deal.id, accountId: account.id, contactId: contact.id, authorId: world.users.ann.id });
  });

  it('needs a contact, account or deal to attach to', async () => {
    await expect(world.services.activities.log(world.as(world.users.ann), { type: 'note', body: 'Floating' })).rejects.toThrow(/Link the activity/);
  });

  it('lets only the author, their manager or an admin delete an activity', async () => {
    const ann = world.as(world.users.ann);
    const account = await world.services.accounts.create(ann, { name: 'Acme' });
    const { activity } = await world.services.activities.log(ann, { type: 'note', accountId: account.id, body: 'x' });
    await expect(world.services.activities.delete(world.as(world.users.bo), activity.id)).rejects.toMatchObject({ code: 'forbidden' });
    await world.services.activities.delete(world.as(world.users.mia), activity.id);
    await expect(world.services.activities.get(ann, activity.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
