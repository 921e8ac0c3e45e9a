import { beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

const REGION = { objectType: 'deal', key: 'region', label: 'Region', type: 'single_select', options: [{ id: 'emea', label: 'EMEA' }, { id: 'apac', label: 'APAC' }], showOnCard: true };
const CONTRACT_END = { objectType: 'deal', key: 'contract_end', label: 'Contract end', type: 'date', showOnCard: true };

describe('custom fields over the REST API', () => {
  let t: TestHub;
  let accountId: string;

  beforeEach(async () => {
    t = await createTestHub();
    accountId = (await (await t.request('ann', 'POST', '/api/v1/accounts', { body: { name: 'Acme Corp' } })).json()).id;
  });

  const define = async (body: unknown) => {
    const response = await t.request('admin', 'POST', '/api/v1/custom-fields', { body });
    expect(response.status).toBe(201);
    return response.json();
  };
  const createDeal = (title: string, customFields: Record<string, unknown>) =>
    t.request('ann', 'POST', '/api/v1/deals', { body: { title, accountId, amount: { minor: 100_00, currency: 'EUR' }, customFields } });
  const titles = async (query: string): Promise<string[]> => {
    const response = await t.request('bo', 'GET', `/api/v1/deals?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()).items.map((d: { title: string }) => d.title);
  };

  it('lets admins define fields and everyone list them by kind; a rep may not define one', async () => {
    const region = await define(REGION);
    expect(region).toMatchObject({ id: expect.stringMatching(/^fld_/), key: 'region', version: 1, deletedAt: null });
    await define({ ...CONTRACT_END, objectType: 'account' });
    const refused = await t.request('ann', 'POST', '/api/v1/custom-fields', { body: { ...REGION, key: 'zone' } });
    expect(refused.status).toBe(403);
    const list = await (await t.request('ann', 'GET', '/api/v1/custom-fields?objectType=deal')).json();
    expect(list.items.map((f: { key: string }) => f.key)).toEqual(['region']);
    const got = await t.request('ann', 'GET', `/api/v1/custom-fields/${region.id}`);
    expect(got.headers.get('etag')).toBe('"1"');
  });

  it('answers 400 naming the field by key and label and what is wrong', async () => {
    await define(REGION);
    const bad = await createDeal('Berlin', { region: 'mars' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'invalid_input',
      detail: expect.stringContaining('Region (region): Pick one of: EMEA, APAC.'),
      errors: [{ path: 'customFields.region', message: 'Region (region): Pick one of: EMEA, APAC.' }],
    });
    const unknown = await createDeal('Berlin', { regoin: 'emea' });
    expect(await unknown.json()).toMatchObject({ status: 400, errors: [{ path: 'customFields.regoin', message: expect.stringContaining('No custom field regoin on deals') }] });
    const badFilter = await t.request('ann', 'GET', '/api/v1/deals?filter[region]=mars');
    expect(badFilter.status).toBe(400);
    expect(await badFilter.json()).toMatchObject({ errors: [{ path: 'filter[region]' }] });
    const badSort = await t.request('ann', 'GET', '/api/v1/deals?sort=nothing_here');
    expect(await badSort.json()).toMatchObject({ status: 400, errors: [{ path: 'sort', message: expect.stringContaining('region') }] });
  });

  it('filters and sorts deals by a date and a select, and a PATCH merges values and clears one with null', async () => {
    await define(REGION);
    await define(CONTRACT_END);
    for (const [title, fields] of [
      ['Berlin', { region: 'emea', contract_end: '2027-03-31' }],
      ['Tokyo', { region: 'APAC', contract_end: '2026-12-31' }],
      ['Paris', { region: 'emea', contract_end: '2028-01-15' }],
      ['Lima', {}],
    ] as const) expect((await createDeal(title, fields)).status).toBe(201);
    expect(await titles('filter[region]=emea')).toEqual(['Berlin', 'Paris']);
    expect(await titles('filter[region]=EMEA,apac')).toEqual(['Berlin', 'Tokyo', 'Paris']);
    expect(await titles('filter[contract_end][gte]=2027-01-01&filter[contract_end][lte]=2027-12-31')).toEqual(['Berlin']);
    expect(await titles('sort=contract_end')).toEqual(['Tokyo', 'Berlin', 'Paris', 'Lima']);
    expect(await titles('sort=-contract_end&filter[region]=emea')).toEqual(['Paris', 'Berlin']);
    const first = await (await t.request('bo', 'GET', '/api/v1/deals?sort=-contract_end&limit=2')).json();
    const second = await (await t.request('bo', 'GET', `/api/v1/deals?sort=-contract_end&limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((d: { title: string }) => d.title)).toEqual(['Paris', 'Berlin', 'Tokyo', 'Lima']);
    const berlin = (await (await t.request('bo', 'GET', '/api/v1/deals?filter[region]=emea&limit=1')).json()).items[0];
    const patched = await (await t.request('ann', 'PATCH', `/api/v1/deals/${berlin.id}`, { body: { customFields: { region: null } } })).json();
    expect(patched.customFields).toEqual({ contract_end: '2027-03-31' });
  });

  it('soft-deletes a field with the count of records holding a value, and restores it with them', async () => {
    const region = await define(REGION);
    await createDeal('Berlin', { region: 'emea' });
    await createDeal('Tokyo', { region: 'apac' });
    await createDeal('Lima', {});
    const deleted = await t.request('admin', 'DELETE', `/api/v1/custom-fields/${region.id}`, { headers: { 'if-match': '"1"' } });
    expect(deleted.status).toBe(200);
    expect(deleted.headers.get('etag')).toBe('"2"');
    expect(await deleted.json()).toMatchObject({ recordsWithValue: 2, field: { deletedAt: expect.any(String) }, restorableUntil: expect.any(String) });
    expect((await (await t.request('ann', 'GET', '/api/v1/custom-fields?objectType=deal')).json()).items).toEqual([]);
    expect((await (await t.request('ann', 'GET', '/api/v1/custom-fields?objectType=deal&includeDeleted=true')).json()).items).toHaveLength(1);
    expect((await t.request('ann', 'GET', '/api/v1/deals?filter[region]=emea')).status).toBe(400);
    const restored = await t.request('admin', 'POST', `/api/v1/custom-fields/${region.id}/restore`);
    expect(await restored.json()).toMatchObject({ recordsWithValue: 2, field: { deletedAt: null, version: 3 } });
    expect(await titles('filter[region]=emea')).toEqual(['Berlin']);
  });

  it('filters accounts and contacts by their own fields', async () => {
    await define({ objectType: 'account', key: 'tier', label: 'Tier', type: 'single_select', options: [{ id: 'gold', label: 'Gold' }, { id: 'silver', label: 'Silver' }] });
    await define({ objectType: 'contact', key: 'newsletter', label: 'Newsletter', type: 'checkbox' });
    await t.request('ann', 'POST', '/api/v1/accounts', { body: { name: 'Gold Co', customFields: { tier: 'Gold' } } });
    await t.request('ann', 'POST', '/api/v1/contacts', { body: { name: 'Ann Lee', customFields: { newsletter: true } } });
    await t.request('ann', 'POST', '/api/v1/contacts', { body: { name: 'Bob Ray', customFields: { newsletter: false } } });
    const accounts = await (await t.request('bo', 'GET', '/api/v1/accounts?filter[tier]=gold')).json();
    expect(accounts.items.map((a: { name: string }) => a.name)).toEqual(['Gold Co']);
    const contacts = await (await t.request('bo', 'GET', '/api/v1/contacts?filter[newsletter]=false')).json();
    expect(contacts.items.map((c: { name: string }) => c.name)).toEqual(['Bob Ray']);
  });
});
