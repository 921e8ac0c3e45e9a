import { beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../accounts/account.schema.js';
import type { Contact } from '../contacts/contact.schema.js';
import type { Deal } from '../deals/deal.schema.js';
import { CrmError } from '../shared/errors.js';
import { createWorld, type World } from '../testing/world.js';

describe('EmailCaptureService', () => {
  let world: World;
  let acme: Account;
  let zoe: Contact;
  let deal: Deal;

  beforeEach(async () => {
    world = await createWorld();
    const ann = world.as(world.users.ann);
    acme = await world.services.accounts.create(ann, { name: 'Acme Corp', domains: ['acme.example'] });
    zoe = await world.services.contacts.create(ann, { name: 'Zoë Ångström', emails: ['zoe@acme.example'], accountId: acme.id });
    deal = await world.services.deals.create(ann, { title: 'Acme renewal', accountId: acme.id, amount: { minor: 4_800_000, currency: 'EUR' } });
  });

  const capture = () => world.services.capture;
  const gmail = () => world.as(world.users.ann, 'gmail');

  describe('logging an email', () => {
    const email = { email: 'ZOE@acme.example', messageId: '<renewal@acme.example>', subject: 'Renewal', text: 'Hi Ann', participants: ['zoe@acme.example'] };

    it('logs it on the contact with the address and their account, once per Message-ID', async () => {
      const first = await capture().logEmail(gmail(), email);
      const again = await capture().logEmail(gmail(), email);
      expect(first.activity).toMatchObject({ type: 'email', subject: 'Renewal', body: 'Hi Ann', contactId: zoe.id, accountId: acme.id, surface: 'gmail' });
      expect(again).toEqual({ activity: first.activity, created: false });
    });

    it('logs it on the account when only the domain is known', async () => {
      const logged = await capture().logEmail(gmail(), { ...email, email: 'newcomer@acme.example', messageId: '<2@acme.example>' });
      expect(logged.activity).toMatchObject({ contactId: null, accountId: acme.id });
    });

    it('refuses an address nobody has, saying to create the contact first', async () => {
      await expect(capture().logEmail(gmail(), { ...email, email: 'stranger@elsewhere.example' })).rejects.toThrow(/create the contact first/);
    });
  });

  describe('creating a contact from a sender', () => {
    it('joins the account that already has the sender\'s domain, whatever company was typed', async () => {
      const wang = await capture().createSender(gmail(), { name: 'Wang Wei', email: 'wang.wei@acme.example', company: 'Acme Robotics', domain: 'acme.example' });
      expect(wang.accountId).toBe(acme.id);
      const accounts = await world.store.read((uow) => uow.accounts.list({}, { limit: 10 }));
      expect(accounts.items.map((a) => a.name)).toEqual(['Acme Corp']);
    });

    it('founds the account from the company and domain the rep confirmed', async () => {
      const jose = await capture().createSender(gmail(), { name: 'José Núñez', email: 'jose@globex.example', company: 'Globex', domain: 'globex.example' });
      const globex = await world.store.read((uow) => uow.accounts.get(jose.accountId ?? ''));
      expect(globex).toMatchObject({ name: 'Globex', domains: ['globex.example'] });
    });

    it('never founds an account from a free-mail domain', async () => {
      const li = await capture().createSender(gmail(), { name: '李娜', email: 'li.na@163.com', company: '163', domain: '163.com' });
      expect(li).toMatchObject({ name: '李娜', accountId: null, emails: ['li.na@163.com'] });
    });

    it('never founds an account from the rep\'s own company\'s domain', async () => {
      const colleague = await capture().createSender(gmail(), { name: 'Raj', email: 'raj.personal@rapport.test', company: 'Rapport', domain: 'rapport.test' });
      expect(colleague.accountId).toBeNull();
    });
  });

  it('sets a reminder about whoever has the address', async () => {
    const reminder = await capture().remind(gmail(), { title: 'Follow up with Zoë', due: 'tomorrow 9am', email: 'zoe@acme.example' });
    expect(reminder).toMatchObject({ contactId: zoe.id, accountId: acme.id, assigneeId: world.users.ann.id });
  });

  describe('editing a deal from the card', () => {
    it('saves every field changed in one save', async () => {
      const edited = await capture().editDeal(gmail(), deal.id, { stageId: 'negotiation', amount: { minor: 5_100_000, currency: 'EUR' }, expectedCloseDate: '2027-01-31' }, { expectedVersion: deal.version });
      expect(edited).toMatchObject({ stageId: 'negotiation', amount: { minor: 5_100_000 }, expectedCloseDate: '2027-01-31', status: 'open' });
    });

    it('wins a deal and moves its amount in one save', async () => {
      const edited = await capture().editDeal(gmail(), deal.id, { amount: { minor: 100, currency: 'EUR' }, outcome: { status: 'won' } });
      expect(edited).toMatchObject({ status: 'won', amount: { minor: 100 } });
    });

    it('refuses the whole save when the deal changed since the rep saw it', async () => {
      await world.services.deals.update(world.as(world.users.mia), deal.id, { title: 'Acme renewal 2027' });
      const edit = capture().editDeal(gmail(), deal.id, { stageId: 'negotiation', amount: { minor: 1, currency: 'EUR' } }, { expectedVersion: deal.version });
      await expect(edit).rejects.toMatchObject({ code: 'conflict' });
      expect(await world.services.deals.get(gmail(), deal.id)).toMatchObject({ stageId: deal.stageId, amount: { minor: 4_800_000 } });
    });

    it('says exactly what was saved and what was not when a later step is refused', async () => {
      const edit = capture().editDeal(gmail(), deal.id, { amount: { minor: 42, currency: 'EUR' }, stageId: 'no-such-stage' });
      await expect(edit).rejects.toThrow(CrmError);
      await expect(edit).rejects.toThrow(/^Saved the amount; not saved: the stage — /);
      expect((await world.services.deals.get(gmail(), deal.id)).amount.minor).toBe(42);
    });

    it('refuses an edit that changes nothing, saying what it may change', async () => {
      await expect(capture().editDeal(gmail(), deal.id, {})).rejects.toThrow(/stage, amount, close date or outcome/);
    });
  });
});
