import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world.js';
import type { CustomFieldInput } from './custom-field.schema.js';

const REGION: CustomFieldInput = { objectType: 'deal', key: 'region', label: 'Region', type: 'single_select', options: [{ id: 'emea', label: 'EMEA' }, { id: 'apac', label: 'APAC' }], showOnCard: true };

describe('custom fields', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  const admin = () => world.as(world.users.admin);
  const ann = () => world.as(world.users.ann);

  const aDealWith = async (customFields: Record<string, unknown>) => {
    const account = await world.services.accounts.create(ann(), { name: `Acme ${Math.random()}` });
    return world.services.deals.create(ann(), { title: 'Renewal', accountId: account.id, amount: { minor: 100, currency: 'EUR' }, customFields });
  };

  it('lets admins define fields, and only admins; everyone reads them in position order', async () => {
    await expect(world.services.customFields.create(ann(), REGION)).rejects.toMatchObject({ code: 'forbidden' });
    const region = await world.services.customFields.create(admin(), REGION);
    const end = await world.services.customFields.create(admin(), { objectType: 'deal', key: 'contract_end', label: 'Contract end', type: 'date' });
    expect(region).toMatchObject({ key: 'region', position: 0, version: 1, deletedAt: null, helpText: null, required: false });
    expect(end.position).toBe(1);
    expect((await world.services.customFields.list(ann(), { objectType: 'deal' })).map((f) => f.key)).toEqual(['region', 'contract_end']);
    expect(await world.services.customFields.list(ann(), { objectType: 'account' })).toEqual([]);
  });

  it('refuses a key that is taken, built in, or badly shaped, and selects without options', async () => {
    await world.services.customFields.create(admin(), REGION);
    await expect(world.services.customFields.create(admin(), REGION)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already has a field region/) });
    await expect(world.services.customFields.create(admin(), { ...REGION, objectType: 'account' })).resolves.toMatchObject({ objectType: 'account' });
    await expect(world.services.customFields.create(admin(), { ...REGION, key: 'expected_close_date' })).rejects.toThrow(/already a built-in deal field/);
    await expect(world.services.customFields.create(admin(), { ...REGION, key: 'Region Name' })).rejects.toThrow(/lower snake_case/);
    await expect(world.services.customFields.create(admin(), { ...REGION, key: 'zone', options: [] })).rejects.toThrow(/needs at least one option/);
    await expect(world.services.customFields.create(admin(), { objectType: 'deal', key: 'code', label: 'Code', type: 'text', options: [{ id: 'a', label: 'A' }] })).rejects.toThrow(/Only select fields have options/);
  });

  it('validates record values against the fields, with a 400 naming the field, and records before/after in events', async () => {
    await world.services.customFields.create(admin(), REGION);
    await world.services.customFields.create(admin(), { objectType: 'deal', key: 'contract_end', label: 'Contract end', type: 'date', required: true });
    await world.services.customFields.create(admin(), { objectType: 'deal', key: 'co_owner', label: 'Co-owner', type: 'user' });
    await expect(aDealWith({ region: 'emea' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/Contract end \(contract_end\): Required/) });
    await expect(aDealWith({ region: 'mars', contract_end: '2027-03-31' })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'customFields.region', message: 'Region (region): Pick one of: EMEA, APAC.' }],
    });
    await expect(aDealWith({ contract_end: '2027-03-31', co_owner: 'usr_nobody' })).rejects.toThrow(/No user with id usr_nobody/);
    const deal = await aDealWith({ region: 'EMEA', contract_end: '2027-03-31', co_owner: world.users.bo.id });
    expect(deal.customFields).toEqual({ region: 'emea', contract_end: '2027-03-31', co_owner: world.users.bo.id });
    const changed = await world.services.deals.update(ann(), deal.id, { customFields: { region: 'apac', co_owner: null } });
    expect(changed.customFields).toEqual({ region: 'apac', contract_end: '2027-03-31' });
    await expect(world.services.deals.update(ann(), deal.id, { customFields: { contract_end: null } })).rejects.toThrow(/Contract end \(contract_end\)/);
    const events = await world.store.read((uow) => uow.events.list({ entityId: deal.id, types: ['deal.updated'] }, { limit: 5 }));
    expect(events.items[0]).toMatchObject({
      before: { customFields: { region: 'emea', contract_end: '2027-03-31', co_owner: world.users.bo.id } },
      after: { customFields: { region: 'apac', contract_end: '2027-03-31' } },
    });
  });

  it('deletes a field softly with a count of the records keeping a value, and restores it with them for 30 days', async () => {
    const region = await world.services.customFields.create(admin(), REGION);
    const deal = await aDealWith({ region: 'emea' });
    await aDealWith({});
    const deleted = await world.services.customFields.delete(admin(), region.id);
    expect(deleted).toMatchObject({ recordsWithValue: 1, restorableUntil: '2026-04-01T08:00:00.000Z', field: { deletedAt: '2026-03-02T08:00:00.000Z' } });
    expect(await world.services.customFields.list(ann(), { objectType: 'deal' })).toEqual([]);
    await expect(aDealWith({ region: 'emea' })).rejects.toThrow(/No custom field region on deals/);
    expect((await world.services.deals.get(ann(), deal.id)).customFields).toEqual({ region: 'emea' });
    await expect(world.services.customFields.create(admin(), REGION)).rejects.toThrow(/It was deleted: restore it instead/);
    world.clock.advance(29 * 86_400_000);
    const restored = await world.services.customFields.restore(admin(), region.id);
    expect(restored).toMatchObject({ recordsWithValue: 1, field: { deletedAt: null } });
    expect((await world.services.deals.list(ann(), { custom: { conditions: [{ key: 'region', type: 'single_select', op: 'any', values: ['emea'] }] } }, { limit: 10 })).items.map((d) => d.id)).toEqual([deal.id]);
  });

  it('refuses to restore after 30 days, when housekeeping removes the field and its values for good', async () => {
    const region = await world.services.customFields.create(admin(), REGION);
    const deal = await aDealWith({ region: 'emea' });
    await world.services.customFields.delete(admin(), region.id);
    world.clock.advance(31 * 86_400_000);
    await expect(world.services.customFields.restore(admin(), region.id)).rejects.toThrow(/more than 30 days ago/);
    expect(await world.services.customFields.purgeExpired()).toBe(1);
    expect((await world.services.deals.get(ann(), deal.id)).customFields).toEqual({});
    await expect(world.services.customFields.create(admin(), REGION)).resolves.toMatchObject({ key: 'region', deletedAt: null });
  });

  it('renames an option without touching stored values', async () => {
    const region = await world.services.customFields.create(admin(), REGION);
    const deal = await aDealWith({ region: 'emea' });
    const renamed = await world.services.customFields.update(admin(), region.id, { options: [{ id: 'emea', label: 'Europe' }, { id: 'apac', label: 'APAC' }] }, { expectedVersion: 1 });
    expect(renamed).toMatchObject({ version: 2, options: [{ id: 'emea', label: 'Europe' }, { id: 'apac', label: 'APAC' }] });
    expect((await world.services.deals.get(ann(), deal.id)).customFields).toEqual({ region: 'emea' });
    await expect(world.services.customFields.update(admin(), region.id, { label: 'Zone' }, { expectedVersion: 1 })).rejects.toMatchObject({ code: 'conflict' });
  });
});
