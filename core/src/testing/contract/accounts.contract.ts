import { describe, expect, it } from 'vitest';
import type { Account } from '../../accounts/account.schema.js';
import { queryWords } from '../../shared/text.js';
import { anAccount } from '../builders.js';
import { allPages, badCursors, expectCrmError, idsByName, sortedIds, type ContractContext } from './support.js';

const bump = (account: Account, patch: Partial<Account> = {}): Account => ({
  ...account,
  ...patch,
  version: account.version + 1,
  updatedAt: '2026-02-01T10:00:00.000Z',
});

export function describeAccountContract({ write, read }: ContractContext): void {
  describe('accounts', () => {
    it('stores an account exactly, domains in order, and hands out copies', async () => {
      const account = anAccount({
        name: '深圳华为技术有限公司',
        domains: ['huawei.com', 'huawei.cn'],
        industry: 'Telecommunications',
        size: '5001+',
        lifecycle: 'customer',
        segment: 'champions',
        version: 3,
        createdAt: '2026-03-01T12:34:56.789Z',
        updatedAt: '2026-03-02T01:02:03.004Z',
      });
      await write((uow) => uow.accounts.insert(account));
      const stored = await read((uow) => uow.accounts.get(account.id));
      expect(stored).toEqual(account);
      stored!.domains.push('mutated.com');
      expect((await read((uow) => uow.accounts.get(account.id)))?.domains).toEqual(['huawei.com', 'huawei.cn']);
      expect(await read((uow) => uow.accounts.get('acc_missing'))).toBeNull();
      const plain = anAccount({ name: 'Ünïcødé GmbH', domains: [] });
      await write((uow) => uow.accounts.insert(plain));
      expect(await read((uow) => uow.accounts.get(plain.id))).toEqual(plain);
    });

    it('gets many and finds accounts holding any of several domains', async () => {
      const acme = anAccount({ domains: ['acme.com', 'acme.de'] });
      const globex = anAccount({ name: 'Globex', domains: ['globex.com'] });
      const other = anAccount({ name: 'Initech', domains: ['initech.com'] });
      await write(async (uow) => {
        for (const a of [acme, globex, other]) await uow.accounts.insert(a);
      });
      expect(sortedIds(await read((uow) => uow.accounts.findByDomains(['acme.de', 'globex.com', 'nowhere.org'])))).toEqual(sortedIds([acme, globex]));
      expect(await read((uow) => uow.accounts.findByDomains(['acme']))).toEqual([]);
      expect(await read((uow) => uow.accounts.findByDomains([]))).toEqual([]);
      expect(sortedIds(await read((uow) => uow.accounts.getMany([other.id, acme.id, 'acc_missing'])))).toEqual(sortedIds([acme, other]));
    });

    it('refuses a domain another account holds, on insert and on update, and changes nothing', async () => {
      const acme = anAccount({ domains: ['acme.com'] });
      const globex = anAccount({ name: 'Globex', domains: ['globex.com'] });
      await write(async (uow) => {
        await uow.accounts.insert(acme);
        await uow.accounts.insert(globex);
      });
      const copycat = anAccount({ name: 'Acme Copy', domains: ['acme-copy.com', 'acme.com'] });
      await expectCrmError(write((uow) => uow.accounts.insert(copycat)), 'conflict', 'acme.com');
      expect(await read((uow) => uow.accounts.get(copycat.id))).toBeNull();
      expect(await read((uow) => uow.accounts.findByDomains(['acme-copy.com']))).toEqual([]);
      await expectCrmError(write((uow) => uow.accounts.update(bump(globex, { domains: ['globex.com', 'acme.com'] }))), 'conflict', 'acme.com');
      expect(await read((uow) => uow.accounts.get(globex.id))).toEqual(globex);
      expect(sortedIds(await read((uow) => uow.accounts.findByDomains(['acme.com'])))).toEqual([acme.id]);
      await expectCrmError(write((uow) => uow.accounts.insert({ ...acme, domains: [] })), 'conflict', acme.id);
    });

    it('updates only on the next version and frees domains it drops', async () => {
      const acme = anAccount({ domains: ['acme.com', 'acme.io'] });
      await write((uow) => uow.accounts.insert(acme));
      expect(await write((uow) => uow.accounts.update({ ...acme, name: 'Same version' }))).toBe(false);
      expect(await write((uow) => uow.accounts.update({ ...acme, name: 'Skipped', version: 3 }))).toBe(false);
      expect(await read((uow) => uow.accounts.get(acme.id))).toEqual(acme);
      const next = bump(acme, { name: 'Acme Holdings', domains: ['acme.io'], lifecycle: 'at_risk' });
      expect(await write((uow) => uow.accounts.update(next))).toBe(true);
      expect(await read((uow) => uow.accounts.get(acme.id))).toEqual(next);
      expect(await write((uow) => uow.accounts.update(next))).toBe(false);
      const taker = anAccount({ name: 'New Acme', domains: ['acme.com'] });
      await write((uow) => uow.accounts.insert(taker));
      expect(sortedIds(await read((uow) => uow.accounts.findByDomains(['acme.com'])))).toEqual([taker.id]);
      expect(await write((uow) => uow.accounts.update(bump(anAccount({ id: 'acc_ghost' }))))).toBe(false);
    });

    it('deletes an account with its domains and search terms', async () => {
      const acme = anAccount({ name: 'Acme Rockets', domains: ['acme.com'] });
      await write((uow) => uow.accounts.insert(acme));
      await write((uow) => uow.accounts.delete(acme.id));
      expect(await read((uow) => uow.accounts.get(acme.id))).toBeNull();
      expect(await read((uow) => uow.accounts.findByDomains(['acme.com']))).toEqual([]);
      const found = await read((uow) => uow.search.customers({ words: queryWords('rockets'), limit: 10 }));
      expect(found.accounts).toEqual([]);
      await write((uow) => uow.accounts.insert(anAccount({ domains: ['acme.com'] })));
      await write((uow) => uow.accounts.delete('acc_missing'));
    });

    it('lists accounts by name then id across pages, filtered by owners and lifecycle', async () => {
      const names = ['Zeta AG', 'acme', 'Acme', 'Ångström AB', '阿里巴巴', 'Émile & Co', 'beta', '🦄 Unicorn Inc'];
      const accounts = names.map((name, i) =>
        anAccount({ name, ownerId: i % 2 ? 'usr_ann' : 'usr_bob', lifecycle: i % 3 ? 'customer' : 'prospect' }),
      );
      await write(async (uow) => {
        for (const a of [...accounts].reverse()) await uow.accounts.insert(a);
      });
      const all = await allPages((page) => read((uow) => uow.accounts.list({}, page)), 3);
      expect(all.items.map((a) => a.id)).toEqual(idsByName(accounts));
      expect(all.pages).toBe(3);
      const anns = accounts.filter((a) => a.ownerId === 'usr_ann');
      expect((await allPages((page) => read((uow) => uow.accounts.list({ ownerIds: ['usr_ann'] }, page)), 2)).items.map((a) => a.id)).toEqual(idsByName(anns));
      const both = await read((uow) => uow.accounts.list({ ownerIds: ['usr_ann', 'usr_bob'] }, { limit: 50 }));
      expect(both.items).toHaveLength(accounts.length);
      const prospects = accounts.filter((a) => a.lifecycle === 'prospect' && a.ownerId === 'usr_bob');
      const filtered = await read((uow) => uow.accounts.list({ ownerIds: ['usr_bob'], lifecycle: ['prospect', 'churned'] }, { limit: 50 }));
      expect(filtered.items.map((a) => a.id)).toEqual(idsByName(prospects));
      expect((await read((uow) => uow.accounts.list({ ownerIds: [] }, { limit: 50 }))).items).toEqual([]);
      expect((await read((uow) => uow.accounts.list({ lifecycle: [] }, { limit: 50 }))).items).toEqual([]);
      for (const cursor of badCursors(2)) {
        await expectCrmError(read((uow) => uow.accounts.list({}, { limit: 5, cursor })), 'invalid_input');
      }
    });
  });
}
