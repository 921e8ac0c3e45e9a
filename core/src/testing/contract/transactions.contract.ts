import { describe, expect, it } from 'vitest';
import { anAccount, aContact, aDeal, anEvent } from '../builders.js';
import { expectCrmError, type ContractContext } from './support.js';

class Boom extends Error {}

export function describeTransactionContract({ write, read, store }: ContractContext): void {
  describe('transactions', () => {
    it('returns what the work returns and keeps every write', async () => {
      const account = anAccount();
      const result = await write(async (uow) => {
        await uow.accounts.insert(account);
        await uow.settings.set('seeded', true);
        return 'done';
      });
      expect(result).toBe('done');
      expect(await read((uow) => uow.accounts.get(account.id))).toEqual(account);
      expect(await read((uow) => uow.settings.get('seeded'))).toBe(true);
    });

    it('sees its own writes before it commits', async () => {
      const deal = aDeal();
      await write(async (uow) => {
        await uow.deals.insert(deal);
        expect(await uow.deals.get(deal.id)).toEqual(deal);
        expect(await uow.deals.update({ ...deal, version: 2, title: 'Inside' })).toBe(true);
        expect((await uow.deals.get(deal.id))?.title).toBe('Inside');
      });
    });

    it('rolls back every write, in every repository, when the work throws', async () => {
      const kept = anAccount({ domains: ['kept.com'] });
      await write((uow) => uow.accounts.insert(kept));
      const contact = aContact({ emails: ['ann@acme.com'] });
      const deal = aDeal();
      const work = write(async (uow) => {
        await uow.contacts.insert(contact);
        await uow.deals.insert(deal);
        await uow.accounts.update({ ...kept, version: 2, name: 'Renamed', domains: ['renamed.com'] });
        await uow.events.append(anEvent());
        await uow.settings.set('flag', 'on');
        throw new Boom('nothing of this lands');
      });
      await expect(work).rejects.toBeInstanceOf(Boom);
      expect(await read((uow) => uow.contacts.get(contact.id))).toBeNull();
      expect(await read((uow) => uow.contacts.findByEmails(['ann@acme.com']))).toEqual([]);
      expect(await read((uow) => uow.deals.get(deal.id))).toBeNull();
      expect(await read((uow) => uow.accounts.get(kept.id))).toEqual(kept);
      expect((await read((uow) => uow.accounts.findByDomains(['kept.com']))).map((a) => a.id)).toEqual([kept.id]);
      expect((await read((uow) => uow.events.list({}, { limit: 5 }))).items).toEqual([]);
      expect(await read((uow) => uow.settings.get('flag'))).toBeNull();
      await write((uow) => uow.contacts.insert(contact));
    });

    it('keeps a write made outside it while it runs, when it rolls back', async () => {
      const inside = anAccount({ name: 'Inside' });
      const outside = anAccount({ name: 'Outside' });
      let release = (): void => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let started = (): void => {};
      const running = new Promise<void>((resolve) => {
        started = resolve;
      });
      const failing = write(async (uow) => {
        await uow.accounts.insert(inside);
        started();
        await gate;
        throw new Boom('roll back');
      });
      await running;
      const direct = read((uow) => uow.accounts.insert(outside));
      release();
      await expect(failing).rejects.toBeInstanceOf(Boom);
      await direct;
      expect(await read((uow) => uow.accounts.get(inside.id))).toBeNull();
      expect(await read((uow) => uow.accounts.get(outside.id))).toEqual(outside);
    });

    it('stays usable after a conflict that the work catches', async () => {
      const ann = aContact({ emails: ['ann@acme.com'] });
      await write((uow) => uow.contacts.insert(ann));
      const clash = aContact({ name: 'Clash', emails: ['ann@acme.com'] });
      const after = aDeal();
      await write(async (uow) => {
        await expectCrmError(uow.contacts.insert(clash), 'conflict', 'ann@acme.com');
        await uow.deals.insert(after);
      });
      expect(await read((uow) => uow.contacts.get(clash.id))).toBeNull();
      expect(await read((uow) => uow.deals.get(after.id))).toEqual(after);
    });

    it('writes outside a transaction too', async () => {
      const account = anAccount();
      await read((uow) => uow.accounts.insert(account));
      expect(await store().transaction((uow) => uow.accounts.get(account.id))).toEqual(account);
      await expectCrmError(read((uow) => uow.accounts.insert(account)), 'conflict', account.id);
    });
  });
}
