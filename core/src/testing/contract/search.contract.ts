import { describe, expect, it } from 'vitest';
import { queryWords } from '../../shared/text.js';
import type { UnitOfWork } from '../../store/store.port.js';
import { aContact, anAccount } from '../builders.js';
import { ids, idsByName, type ContractContext } from './support.js';

export function describeSearchContract({ write, read }: ContractContext): void {
  const search = (query: string, limit = 20): Promise<{ contacts: string[]; accounts: string[] }> =>
    read(async (uow: UnitOfWork) => {
      const found = await uow.search.customers({ words: queryWords(query), limit });
      return { contacts: ids(found.contacts), accounts: ids(found.accounts) };
    });

  describe('customer search', () => {
    it('matches every query word as a prefix of some term, in any order', async () => {
      const annLee = aContact({ name: 'Ann Lee' });
      const annSmith = aContact({ name: 'Annabel Smith' });
      const leeAnn = aContact({ name: 'Lee Annette' });
      await write(async (uow) => {
        for (const c of [annLee, annSmith, leeAnn]) await uow.contacts.insert(c);
      });
      expect(await search('ann lee')).toEqual({ contacts: idsByName([annLee, leeAnn]), accounts: [] });
      expect((await search('lee ann')).contacts).toEqual(idsByName([annLee, leeAnn]));
      expect((await search('an')).contacts).toEqual(idsByName([annLee, annSmith, leeAnn]));
      expect((await search('ann smith')).contacts).toEqual([annSmith.id]);
      expect((await search('ann lees')).contacts).toEqual([]);
      expect((await search('nn')).contacts).toEqual([]);
    });

    it('finds contacts by the local part of their addresses and accounts by domain label', async () => {
      const contact = aContact({ name: 'A. Person', emails: ['ann.lee@globex.com'] });
      const acme = anAccount({ name: 'ACME Corporation', domains: ['acme.com'] });
      const widgets = anAccount({ name: 'Widgets Ltd', domains: ['acme-widgets.co.uk'] });
      await write(async (uow) => {
        await uow.contacts.insert(contact);
        await uow.accounts.insert(acme);
        await uow.accounts.insert(widgets);
      });
      expect(await search('lee')).toEqual({ contacts: [contact.id], accounts: [] });
      expect((await search('globex')).contacts).toEqual([]);
      expect(await search('acme')).toEqual({ contacts: [], accounts: idsByName([acme, widgets]) });
      expect((await search('ACME corp')).accounts).toEqual([acme.id]);
      expect((await search('widg')).accounts).toEqual([widgets.id]);
    });

    it('finds Chinese names from any run inside them, and folds accents and case', async () => {
      const huawei = anAccount({ name: '深圳华为技术有限公司' });
      const jose = aContact({ name: 'José García' });
      const zoe = aContact({ name: 'ZOË Ångström' });
      const emoji = aContact({ name: '🦄 Unicorn Müller' });
      const wang = aContact({ name: '王芳' });
      await write(async (uow) => {
        await uow.accounts.insert(huawei);
        for (const c of [jose, zoe, emoji, wang]) await uow.contacts.insert(c);
      });
      // One character is a whole family name in Chinese: search starts from the first one.
      expect((await search('王')).contacts).toEqual([wang.id]);
      expect((await search('芳')).contacts).toEqual([wang.id]);
      expect((await search('为')).accounts).toEqual([huawei.id]);
      expect((await search('华为')).accounts).toEqual([huawei.id]);
      expect((await search('深圳')).accounts).toEqual([huawei.id]);
      expect((await search('有限公司')).accounts).toEqual([huawei.id]);
      expect((await search('华为 上海')).accounts).toEqual([]);
      expect((await search('jose')).contacts).toEqual([jose.id]);
      expect((await search('JOSÉ garc')).contacts).toEqual([jose.id]);
      expect((await search('zoe angst')).contacts).toEqual([zoe.id]);
      expect((await search('muller')).contacts).toEqual([emoji.id]);
    });

    it('orders each list by name then id and keeps to the limit', async () => {
      const contacts = ['Ann Zed', 'ann alpha', 'Ann Alpha', 'Ánn Beta', 'Ann Omega'].map((name) => aContact({ name }));
      const accounts = ['Ann Corp', 'Anne GmbH', 'Ann Arbor Inc'].map((name) => anAccount({ name }));
      await write(async (uow) => {
        for (const c of [...contacts].reverse()) await uow.contacts.insert(c);
        for (const a of accounts) await uow.accounts.insert(a);
      });
      const found = await search('ann', 3);
      expect(found.contacts).toEqual(idsByName(contacts).slice(0, 3));
      expect(found.accounts).toEqual(idsByName(accounts));
    });

    it('follows renames, new addresses and deletions', async () => {
      const contact = aContact({ name: 'Ann Lee', emails: ['ann@acme.com'] });
      const account = anAccount({ name: 'Acme', domains: ['acme.com'] });
      await write(async (uow) => {
        await uow.contacts.insert(contact);
        await uow.accounts.insert(account);
      });
      await write(async (uow) => {
        await uow.contacts.update({ ...contact, name: 'Ann Smith', emails: ['a.smith@acme.com'], version: 2 });
        await uow.accounts.update({ ...account, name: 'Globex', domains: ['globex.com'], version: 2 });
      });
      expect((await search('lee')).contacts).toEqual([]);
      expect((await search('smith')).contacts).toEqual([contact.id]);
      expect((await search('acme')).accounts).toEqual([]);
      expect((await search('globex')).accounts).toEqual([account.id]);
      await write(async (uow) => {
        await uow.contacts.delete(contact.id);
        await uow.accounts.delete(account.id);
      });
      expect(await search('smith globex')).toEqual({ contacts: [], accounts: [] });
      expect((await search('smith')).contacts).toEqual([]);
    });

    it('does not change the index on a stale update', async () => {
      const contact = aContact({ name: 'Ann Lee' });
      await write((uow) => uow.contacts.insert(contact));
      expect(await write((uow) => uow.contacts.update({ ...contact, name: 'Bob Stone' }))).toBe(false);
      expect((await search('bob')).contacts).toEqual([]);
      expect((await search('ann')).contacts).toEqual([contact.id]);
    });
  });
}
