import { describe, expect, it } from 'vitest';
import type { Contact } from '../../contacts/contact.schema.js';
import { aContact } from '../builders.js';
import { allPages, badCursors, expectCrmError, idsByName, sortedIds, type ContractContext } from './support.js';

const bump = (contact: Contact, patch: Partial<Contact> = {}): Contact => ({
  ...contact,
  ...patch,
  version: contact.version + 1,
  updatedAt: '2026-02-01T10:00:00.000Z',
});

export function describeContactContract({ write, read }: ContractContext): void {
  describe('contacts', () => {
    it('stores a contact exactly, emails and phones in order', async () => {
      const contact = aContact({
        name: 'José Núñez',
        accountId: 'acc_acme',
        emails: ['jose@acme.com', 'jose.nunez+crm@gmail.com'],
        phones: ['+34 600 000 000', '+1 (415) 555-0100 ext. 12'],
        title: 'Directora de Compras',
        createdAt: '2026-03-01T12:34:56.789Z',
      });
      await write((uow) => uow.contacts.insert(contact));
      const stored = await read((uow) => uow.contacts.get(contact.id));
      expect(stored).toEqual(contact);
      stored!.emails.length = 0;
      expect((await read((uow) => uow.contacts.get(contact.id)))?.emails).toHaveLength(2);
      expect(await read((uow) => uow.contacts.get('con_missing'))).toBeNull();
      const bare = aContact({ name: '李娜' });
      await write((uow) => uow.contacts.insert(bare));
      expect(await read((uow) => uow.contacts.getMany([bare.id, contact.id, 'con_missing']))).toHaveLength(2);
    });

    it('keeps email addresses unique whatever their case, on insert and update', async () => {
      const ann = aContact({ emails: ['ann@acme.com'] });
      const bob = aContact({ name: 'Bob', emails: ['bob@acme.com'] });
      await write(async (uow) => {
        await uow.contacts.insert(ann);
        await uow.contacts.insert(bob);
      });
      // Written around the schema on purpose: the store itself must fold case.
      const shouting = { ...aContact({ name: 'Ann Again' }), emails: ['other@acme.com', 'ANN@Acme.com'] };
      await expectCrmError(write((uow) => uow.contacts.insert(shouting)), 'conflict', 'ann@acme.com');
      expect(await read((uow) => uow.contacts.get(shouting.id))).toBeNull();
      expect(await read((uow) => uow.contacts.findByEmails(['other@acme.com']))).toEqual([]);
      await expectCrmError(write((uow) => uow.contacts.update(bump(bob, { emails: ['bob@acme.com', 'ann@acme.com'] }))), 'conflict', 'ann@acme.com');
      expect(await read((uow) => uow.contacts.get(bob.id))).toEqual(bob);
      expect(sortedIds(await read((uow) => uow.contacts.findByEmails(['ann@acme.com'])))).toEqual([ann.id]);
    });

    it('finds contacts by exact addresses and by canonical address', async () => {
      const ann = aContact({ emails: ['ann+news@acme.com', 'ann.lee@gmail.com'] });
      const bob = aContact({ name: 'Bob', emails: ['bob@acme.com'] });
      const annToo = aContact({ name: 'Ann (old)', emails: ['ann@acme.com'] });
      await write(async (uow) => {
        for (const c of [ann, bob, annToo]) await uow.contacts.insert(c);
      });
      expect(sortedIds(await read((uow) => uow.contacts.findByEmails(['ann.lee@gmail.com', 'bob@acme.com'])))).toEqual(sortedIds([ann, bob]));
      expect(sortedIds(await read((uow) => uow.contacts.findByEmails(['BOB@acme.com'])))).toEqual([bob.id]);
      expect(await read((uow) => uow.contacts.findByEmails(['ann@gmail.com']))).toEqual([]);
      expect(await read((uow) => uow.contacts.findByEmails([]))).toEqual([]);
      expect(sortedIds(await read((uow) => uow.contacts.findByCanonicalEmail('ann@acme.com')))).toEqual(sortedIds([ann, annToo]));
      expect(await read((uow) => uow.contacts.findByCanonicalEmail('lee@acme.com'))).toEqual([]);
    });

    it('updates only on the next version and frees addresses it drops', async () => {
      const ann = aContact({ emails: ['ann@acme.com', 'a.lee@acme.com'] });
      await write((uow) => uow.contacts.insert(ann));
      expect(await write((uow) => uow.contacts.update({ ...ann, title: 'stale' }))).toBe(false);
      expect(await read((uow) => uow.contacts.get(ann.id))).toEqual(ann);
      const next = bump(ann, { emails: ['a.lee@acme.com'], title: 'CFO', accountId: 'acc_acme' });
      expect(await write((uow) => uow.contacts.update(next))).toBe(true);
      expect(await read((uow) => uow.contacts.get(ann.id))).toEqual(next);
      expect(await read((uow) => uow.contacts.findByEmails(['ann@acme.com']))).toEqual([]);
      const taker = aContact({ emails: ['ann@acme.com'] });
      await write((uow) => uow.contacts.insert(taker));
      expect(sortedIds(await read((uow) => uow.contacts.findByCanonicalEmail('ann@acme.com')))).toEqual([taker.id]);
      expect(await write((uow) => uow.contacts.update(bump(aContact({ id: 'con_ghost' }))))).toBe(false);
    });

    it('deletes a contact with its addresses', async () => {
      const ann = aContact({ emails: ['ann@acme.com'] });
      await write((uow) => uow.contacts.insert(ann));
      await write((uow) => uow.contacts.delete(ann.id));
      expect(await read((uow) => uow.contacts.get(ann.id))).toBeNull();
      expect(await read((uow) => uow.contacts.findByEmails(['ann@acme.com']))).toEqual([]);
      await write((uow) => uow.contacts.insert(aContact({ emails: ['ann@acme.com'] })));
    });

    it('lists contacts by name then id across pages, filtered by account and owners', async () => {
      const names = ['Zoë', 'ann', 'Ann', 'Åke', '张伟', 'Émilie', 'bo', '👩‍🚀 Astro'];
      const contacts = names.map((name, i) =>
        aContact({ name, accountId: i % 2 ? 'acc_a' : 'acc_b', ownerId: i % 3 ? 'usr_ann' : 'usr_bob' }),
      );
      await write(async (uow) => {
        for (const c of [...contacts].reverse()) await uow.contacts.insert(c);
      });
      const all = await allPages((page) => read((uow) => uow.contacts.list({}, page)), 3);
      expect(all.items.map((c) => c.id)).toEqual(idsByName(contacts));
      const ofA = await allPages((page) => read((uow) => uow.contacts.list({ accountId: 'acc_a' }, page)), 1);
      expect(ofA.items.map((c) => c.id)).toEqual(idsByName(contacts.filter((c) => c.accountId === 'acc_a')));
      const bobsAtB = await read((uow) => uow.contacts.list({ accountId: 'acc_b', ownerIds: ['usr_bob'] }, { limit: 50 }));
      expect(bobsAtB.items.map((c) => c.id)).toEqual(idsByName(contacts.filter((c) => c.accountId === 'acc_b' && c.ownerId === 'usr_bob')));
      expect((await read((uow) => uow.contacts.list({ ownerIds: [] }, { limit: 50 }))).items).toEqual([]);
      for (const cursor of badCursors(2)) {
        await expectCrmError(read((uow) => uow.contacts.list({}, { limit: 5, cursor })), 'invalid_input');
      }
    });

    it("moves every contact of one account to another, bumping version and updatedAt", async () => {
      const moving = [aContact({ accountId: 'acc_old' }), aContact({ accountId: 'acc_old', version: 4 })];
      const staying = aContact({ accountId: 'acc_other' });
      await write(async (uow) => {
        for (const c of [...moving, staying]) await uow.contacts.insert(c);
      });
      const at = '2026-05-05T05:05:05.005Z';
      expect(await write((uow) => uow.contacts.reassignAccount('acc_old', 'acc_new', at))).toBe(2);
      for (const c of moving) {
        expect(await read((uow) => uow.contacts.get(c.id))).toEqual({ ...c, accountId: 'acc_new', version: c.version + 1, updatedAt: at });
      }
      expect(await read((uow) => uow.contacts.get(staying.id))).toEqual(staying);
      expect(await write((uow) => uow.contacts.reassignAccount('acc_new', null, at))).toBe(2);
      expect((await read((uow) => uow.contacts.get(moving[1]!.id)))?.accountId).toBeNull();
      expect(await write((uow) => uow.contacts.reassignAccount('acc_none', 'acc_new', at))).toBe(0);
    });
  });
}
