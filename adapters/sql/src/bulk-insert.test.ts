import { createServices, CrmError, ManualClock, SequentialIds } from '@rapport/core';
import { aContact, anAccount, anActivity, anEvent, aUser, OWNER_ID } from '@rapport/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import type { SqlStore } from './sql-store.js';

describe('SqlStore.insertMany', () => {
  let store: SqlStore;

  beforeEach(async () => {
    store = await createSqliteStore({ file: ':memory:' });
    await store.transaction(async (uow) => {
      await uow.users.insert(aUser({ id: OWNER_ID }));
      await uow.accounts.insert(anAccount({ id: 'acc_acme' }));
    });
  });
  afterEach(() => store.close());

  it('writes more activities and events than one statement holds, readable as the repositories wrote them', async () => {
    const activities = Array.from({ length: 1203 }, (_, i) => anActivity({ id: `act_${String(i).padStart(5, '0')}`, externalId: `<m${i}@example.com>`, participants: ['ann@example.com'] }));
    const events = activities.map((a) => anEvent({ id: `evt_${String(a.id).slice(4)}`, type: 'activity.logged', entityType: 'activity', entityId: a.id, after: a }));
    await store.insertMany({ activities, events });
    await store.read(async (uow) => {
      expect(await uow.activities.findByExternalId('<m1202@example.com>')).toEqual(activities[1202]);
      expect((await uow.events.list({ entityId: 'act_00007' }, { limit: 5 })).items).toEqual([events[7]]);
      expect((await uow.activities.list({ about: { accountIds: ['acc_acme'] } }, { limit: 2000 })).items).toHaveLength(1203);
    });
  });

  it('writes nothing when one record is refused (an external id already logged is a conflict)', async () => {
    await store.insertMany({ activities: [anActivity({ id: 'act_first', externalId: '<same@example.com>' })] });
    const again = store.insertMany({ activities: [anActivity({ id: 'act_second' }), anActivity({ id: 'act_third', externalId: '<same@example.com>' })] });
    await expect(again).rejects.toThrow(CrmError);
    await expect(again).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.read((uow) => uow.activities.get('act_second'))).toBeNull();
  });

  it('keeps what the repositories keep beside accounts and contacts: domains and addresses found, names searchable, a taken domain refused', async () => {
    const account = anAccount({ id: 'acc_north', name: 'Northwind Traders', domains: ['northwind.example'] });
    const contact = aContact({ id: 'con_ann', name: 'Ann Müller', accountId: account.id, emails: ['Ann@Northwind.example'] });
    await store.insertMany({ accounts: [account], contacts: [contact] });
    await store.read(async (uow) => {
      expect((await uow.accounts.findByDomains(['NORTHWIND.example'])).map((a) => a.id)).toEqual(['acc_north']);
      expect((await uow.contacts.findByEmails(['ann@northwind.example'])).map((c) => c.id)).toEqual(['con_ann']);
    });
    const admin = aUser({ id: 'usr_admin', role: 'admin', email: 'admin@example.com' });
    const services = createServices({ store, clock: new ManualClock(new Date('2026-01-01T00:00:00Z')), ids: new SequentialIds() });
    const found = await services.lookup.lookup({ user: admin, surface: 'api' }, 'mull', { limit: 10 });
    expect(found.map((m) => (m.kind === 'contact' ? m.contact.id : m.account.id))).toEqual(['con_ann']);
    const again = store.insertMany({ accounts: [anAccount({ id: 'acc_copy', name: 'Copycat', domains: ['northwind.example'] })] });
    await expect(again).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.read((uow) => uow.accounts.get('acc_copy'))).toBeNull();
  });
});
