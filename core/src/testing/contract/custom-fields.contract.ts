import { describe, expect, it } from 'vitest';
import type { CustomFieldQuery } from '../../custom-fields/custom-field-query.port.js';
import type { CustomFieldDefinition } from '../../custom-fields/custom-field.schema.js';
import type { Deal } from '../../deals/deal.schema.js';
import { aContact, aCustomField, aDeal, anAccount } from '../builders.js';
import { allPages, expectCrmError, ids, type ContractContext } from './support.js';

const REGION_OPTIONS = [
  { id: 'emea', label: 'EMEA' },
  { id: 'apac', label: 'APAC' },
  { id: 'amer', label: 'Americas' },
];

/** Deals with a "Region" select, a "Contract end" date, a seat count, a renewal checkbox, tags, a budget and a code. */
function someDeals(): Record<string, Deal> {
  return {
    berlin: aDeal({ title: 'Berlin', customFields: { region: 'emea', contract_end: '2027-03-31', seats: 10, renewal: true, tags: ['hot', 'upsell'], budget: { minor: 50_000, currency: 'EUR' }, code: 'Zeta' } }),
    tokyo: aDeal({ title: 'Tokyo', customFields: { region: 'apac', contract_end: '2026-12-31', seats: 2, renewal: false, tags: ['cold'], budget: { minor: 900_000, currency: 'JPY' }, code: 'alpha' } }),
    paris: aDeal({ title: 'Paris', customFields: { region: 'emea', contract_end: '2028-01-15', seats: 250, renewal: false, code: 'Émile' } }),
    lima: aDeal({ title: 'Lima', customFields: { region: 'amer', seats: 2.5, tags: ['hot'] } }),
    blank: aDeal({ title: 'Blank', customFields: {} }),
  };
}

export function describeCustomFieldContract({ write, read }: ContractContext): void {
  describe('custom fields', () => {
    const store = async (deals: Record<string, Deal>): Promise<void> => {
      await write(async (uow) => {
        for (const deal of Object.values(deals)) await uow.deals.insert(deal);
      });
    };
    const listDeals = async (custom: CustomFieldQuery, limit = 50): Promise<string[]> =>
      ids((await read((uow) => uow.deals.list({ custom }, { limit }))).items);

    it('stores a definition exactly, lists live ones by kind in position order, and keeps keys unique per kind', async () => {
      const region = aCustomField({ key: 'region', label: 'Region', type: 'single_select', options: REGION_OPTIONS, position: 2, showOnCard: true, helpText: 'Where the buyer sits' });
      const end = aCustomField({ key: 'contract_end', label: 'Contract end', type: 'date', position: 1, required: true });
      const gone = aCustomField({ key: 'old_code', position: 0, deletedAt: '2026-01-06T00:00:00.000Z' });
      const onAccounts = aCustomField({ objectType: 'account', key: 'region', type: 'text' });
      await write(async (uow) => {
        for (const field of [region, end, gone, onAccounts]) await uow.customFields.insert(field);
      });
      expect(await read((uow) => uow.customFields.get(region.id))).toEqual(region);
      expect(ids(await read((uow) => uow.customFields.list({ objectType: 'deal' })))).toEqual([end.id, region.id]);
      expect(ids(await read((uow) => uow.customFields.list({ objectType: 'deal', includeDeleted: true })))).toEqual([gone.id, end.id, region.id]);
      expect(ids(await read((uow) => uow.customFields.list({})))).toEqual([onAccounts.id, end.id, region.id]);
      await expectCrmError(write((uow) => uow.customFields.insert(aCustomField({ key: 'old_code' }))), 'conflict', 'old_code');
      expect(await read((uow) => uow.customFields.update({ ...region, label: 'Sales region', version: 3 }))).toBe(false);
      expect(await read((uow) => uow.customFields.update({ ...region, label: 'Sales region', version: 2 }))).toBe(true);
      expect((await read((uow) => uow.customFields.get(region.id)))?.label).toBe('Sales region');
    });

    it('stores records with their values exactly, and records without any as {}', async () => {
      const deals = someDeals();
      await store(deals);
      const account = anAccount({ customFields: { tier: 'gold', employees: 1200 } });
      const contact = aContact({ customFields: { birthday: '1990-02-28', newsletter: true } });
      await write(async (uow) => {
        await uow.accounts.insert(account);
        await uow.contacts.insert(contact);
      });
      expect(await read((uow) => uow.deals.get(deals.berlin!.id))).toEqual(deals.berlin);
      expect((await read((uow) => uow.deals.get(deals.blank!.id)))?.customFields).toEqual({});
      expect(await read((uow) => uow.accounts.get(account.id))).toEqual(account);
      expect(await read((uow) => uow.contacts.get(contact.id))).toEqual(contact);
    });

    it('filters by a select (any of its options), a multi select, a checkbox, date and number and money ranges', async () => {
      const d = someDeals();
      await store(d);
      const id = (name: keyof ReturnType<typeof someDeals>): string => d[name]!.id;
      expect(await listDeals({ conditions: [{ key: 'region', type: 'single_select', op: 'any', values: ['emea'] }] })).toEqual([id('berlin'), id('paris')]);
      expect(await listDeals({ conditions: [{ key: 'region', type: 'single_select', op: 'any', values: ['apac', 'amer'] }] })).toEqual([id('tokyo'), id('lima')]);
      expect(await listDeals({ conditions: [{ key: 'tags', type: 'multi_select', op: 'any', values: ['hot'] }] })).toEqual([id('berlin'), id('lima')]);
      expect(await listDeals({ conditions: [{ key: 'renewal', type: 'checkbox', op: 'any', values: [false] }] })).toEqual([id('tokyo'), id('paris')]);
      expect(await listDeals({ conditions: [{ key: 'contract_end', type: 'date', op: 'range', gte: '2027-01-01' }] })).toEqual([id('berlin'), id('paris')]);
      expect(await listDeals({ conditions: [{ key: 'contract_end', type: 'date', op: 'range', lte: '2027-03-31' }] })).toEqual([id('berlin'), id('tokyo')]);
      expect(await listDeals({ conditions: [{ key: 'seats', type: 'number', op: 'range', gte: 2.5, lte: 10 }] })).toEqual([id('berlin'), id('lima')]);
      expect(await listDeals({ conditions: [{ key: 'budget', type: 'money', op: 'range', gte: 100_000 }] })).toEqual([id('tokyo')]);
      expect(await listDeals({ conditions: [{ key: 'code', type: 'text', op: 'any', values: ['alpha'] }] })).toEqual([id('tokyo')]);
      const both: CustomFieldQuery = {
        conditions: [
          { key: 'region', type: 'single_select', op: 'any', values: ['emea'] },
          { key: 'contract_end', type: 'date', op: 'range', lte: '2027-12-31' },
        ],
      };
      expect(await listDeals(both)).toEqual([id('berlin')]);
      expect(ids((await read((uow) => uow.deals.list({ custom: both, ownerIds: ['usr_nobody'] }, { limit: 10 }))).items)).toEqual([]);
    });

    it('sorts by a field, values first (numbers as numbers, text by code point), records without one last, page after page', async () => {
      const d = someDeals();
      await store(d);
      const id = (name: keyof ReturnType<typeof someDeals>): string => d[name]!.id;
      const sorted = async (key: string, type: 'number' | 'date' | 'text' | 'money' | 'checkbox', descending = false): Promise<string[]> =>
        ids((await allPages((page) => read((uow) => uow.deals.list({ custom: { conditions: [], sort: { key, type, descending } } }, page)), 2)).items);
      expect(await sorted('seats', 'number')).toEqual([id('tokyo'), id('lima'), id('berlin'), id('paris'), id('blank')]);
      expect(await sorted('seats', 'number', true)).toEqual([id('paris'), id('berlin'), id('lima'), id('tokyo'), id('blank')]);
      expect(await sorted('contract_end', 'date')).toEqual([id('tokyo'), id('berlin'), id('paris'), id('lima'), id('blank')]);
      expect(await sorted('code', 'text')).toEqual([id('berlin'), id('tokyo'), id('paris'), id('lima'), id('blank')]);
      expect(await sorted('budget', 'money', true)).toEqual([id('tokyo'), id('berlin'), id('paris'), id('lima'), id('blank')]);
      const firstPage = await read((uow) => uow.deals.list({ custom: { conditions: [], sort: { key: 'seats', type: 'number', descending: false } } }, { limit: 2 }));
      await expectCrmError(
        read((uow) => uow.deals.list({ custom: { conditions: [], sort: { key: 'seats', type: 'number', descending: true } } }, { limit: 2, cursor: firstPage.nextCursor ?? '' })),
        'invalid_input',
      );
    });

    it('filters and sorts accounts and contacts by their fields', async () => {
      const gold = anAccount({ name: 'Zed', customFields: { tier: 'gold', employees: 50 } });
      const silver = anAccount({ name: 'Alpha', customFields: { tier: 'silver', employees: 5000 } });
      const plain = anAccount({ name: 'Mid' });
      const ann = aContact({ name: 'Ann', customFields: { newsletter: true, birthday: '1990-02-28' } });
      const bob = aContact({ name: 'Bob', customFields: { newsletter: false, birthday: '1985-07-01' } });
      await write(async (uow) => {
        for (const account of [gold, silver, plain]) await uow.accounts.insert(account);
        for (const contact of [ann, bob]) await uow.contacts.insert(contact);
      });
      const accounts = async (custom: CustomFieldQuery): Promise<string[]> => ids((await read((uow) => uow.accounts.list({ custom }, { limit: 10 }))).items);
      expect(await accounts({ conditions: [{ key: 'tier', type: 'single_select', op: 'any', values: ['gold'] }] })).toEqual([gold.id]);
      expect(await accounts({ conditions: [], sort: { key: 'employees', type: 'number', descending: true } })).toEqual([silver.id, gold.id, plain.id]);
      const contacts = async (custom: CustomFieldQuery): Promise<string[]> => ids((await read((uow) => uow.contacts.list({ custom }, { limit: 10 }))).items);
      expect(await contacts({ conditions: [{ key: 'newsletter', type: 'checkbox', op: 'any', values: [true] }] })).toEqual([ann.id]);
      expect(await contacts({ conditions: [], sort: { key: 'birthday', type: 'date', descending: false } })).toEqual([bob.id, ann.id]);
    });

    it('counts the records holding a value, and removing a field for good removes its values', async () => {
      const d = someDeals();
      await store(d);
      const region: CustomFieldDefinition = aCustomField({ key: 'region', type: 'single_select', options: REGION_OPTIONS });
      await write((uow) => uow.customFields.insert(region));
      expect(await read((uow) => uow.customFields.countValues('deal', 'region'))).toBe(4);
      expect(await read((uow) => uow.customFields.countValues('deal', 'tags'))).toBe(3);
      expect(await read((uow) => uow.customFields.countValues('account', 'region'))).toBe(0);
      await write((uow) => uow.customFields.delete(region.id));
      expect(await read((uow) => uow.customFields.get(region.id))).toBeNull();
      expect(await read((uow) => uow.customFields.countValues('deal', 'region'))).toBe(0);
      expect((await read((uow) => uow.deals.get(d.berlin!.id)))?.customFields).toEqual({ contract_end: '2027-03-31', seats: 10, renewal: true, tags: ['hot', 'upsell'], budget: { minor: 50_000, currency: 'EUR' }, code: 'Zeta' });
    });
  });
}
