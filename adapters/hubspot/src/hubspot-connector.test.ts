import { mapContact, mapDeal, type MappingContext } from '@rapport/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubSpotConnector } from './hubspot-connector.js';
import { HUBSPOT_FIELDS } from './hubspot-objects.js';
import { HubSpotStandIn } from './testing/hubspot-stand-in.js';

const TOKEN = 'pat-eu1-test';
const SECRET = 'client-secret';
let hubspot: HubSpotStandIn;
let waits: number[];
let connector: HubSpotConnector;

beforeEach(async () => {
  hubspot = new HubSpotStandIn(TOKEN);
  hubspot.owners = [{ id: '77', email: 'Ana@Example.com', firstName: 'Ana', lastName: 'Silva' }];
  hubspot.pipelines = [{ id: 'default', label: 'Sales', stages: [
    { id: 'qualified', label: 'Qualified', metadata: { probability: '0.4', isClosed: 'false' } },
    { id: 'closedwon', label: 'Closed won', metadata: { probability: '1.0', isClosed: 'true' } },
  ] }];
  hubspot.properties.deals = [
    { name: 'dealname', label: 'Deal name', type: 'string', fieldType: 'text', hubspotDefined: true, options: [] },
    { name: 'renewal_type', label: 'Renewal type', type: 'enumeration', fieldType: 'select', hubspotDefined: false, options: [{ label: 'Auto', value: 'auto' }] },
  ];
  waits = [];
  connector = new HubSpotConnector({ token: TOKEN, basePath: await hubspot.start(), clientSecret: SECRET, pageSize: 2, sleep: async (ms) => void waits.push(ms) });
});
afterEach(() => hubspot.stop());

async function readAll(object: string): Promise<{ ids: string[]; cursor: string }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await connector.readChanges(object, cursor);
    ids.push(...page.records.map((r) => r.remoteId));
    cursor = page.nextCursor;
    if (!page.hasMore) return { ids, cursor };
  }
}

describe('the HubSpot connector against the stand-in', () => {
  it('reads the schema: custom properties only, pipelines with won stages, owners', async () => {
    const schema = await connector.readSchema();
    expect(schema.properties.map((p) => [p.object, p.name, p.type])).toEqual([['deals', 'renewal_type', 'select']]);
    expect(schema.pipelines[0]?.stages.map((s) => [s.remoteId, s.probability, s.closed])).toEqual([['qualified', 0.4, null], ['closedwon', 1, 'won']]);
    expect(schema.owners).toEqual([{ remoteId: '77', email: 'Ana@Example.com', name: 'Ana Silva' }]);
  });

  it('pages through every record with its associations, and maps a deal to Rapport terms', async () => {
    const acme = hubspot.put('companies', { name: 'Acme', domain: 'acme.com' });
    const bo = hubspot.put('contacts', { firstname: 'Bo', email: 'bo@acme.com' }, { companies: [acme.id] });
    for (let i = 0; i < 4; i += 1) hubspot.put('deals', { dealname: `Deal ${i}`, amount: '100.5', pipeline: 'default', dealstage: 'closedwon', hubspot_owner_id: '77', renewal_type: 'auto' }, { companies: [acme.id], contacts: [bo.id] });
    const { ids } = await readAll('deals');
    expect(ids).toHaveLength(4);
    await connector.identify();
    const first = await connector.readChanges('deals', null);
    const deal = first.records[0];
    expect(deal?.associations).toEqual({ account: [acme.id], contact: [bo.id] });
    expect(deal?.url).toBe(`https://app.hubspot.com/contacts/123456/record/0-3/${deal?.remoteId}`);
    const schema = await connector.readSchema();
    const ctx: MappingContext = { fields: HUBSPOT_FIELDS, properties: schema.properties, owners: schema.owners, pipelines: schema.pipelines, defaultCurrency: 'USD' };
    expect(mapDeal(deal!, ctx)).toMatchObject({ status: 'won', probability: 100, amount: { minor: 10050, currency: 'USD' }, ownerEmail: 'ana@example.com', accountRemoteId: acme.id, customFields: { renewal_type: 'auto' } });
    const contact = (await connector.readChanges('contacts', null)).records[0];
    expect(mapContact(contact!, ctx)).toMatchObject({ name: 'Bo', emails: ['bo@acme.com'], accountRemoteId: acme.id });
  });

  it('waits as long as Retry-After says when HubSpot answers 429, then carries on', async () => {
    hubspot.put('companies', { name: 'Acme' });
    hubspot.throttleNext(2, 3);
    const page = await connector.readChanges('companies', null);
    expect(page.records).toHaveLength(1);
    expect(waits).toEqual([3000, 3000]);
  });

  it('keeps within its own per-10-second budget without being told', async () => {
    let clock = 0;
    const tight = new HubSpotConnector({ token: TOKEN, basePath: hubspot.url, requestsPer10s: 2, sleep: async (ms) => { waits.push(ms); clock += ms; }, now: () => clock });
    for (let i = 0; i < 3; i += 1) await tight.identify();
    expect(waits).toEqual([10_000]);
    expect(hubspot.requests.filter((r) => r.endsWith('/account-info/v3/details'))).toHaveLength(3);
  });

  it('catches a change by polling from where the initial sync ended', async () => {
    hubspot.put('deals', { dealname: 'Old' });
    const { cursor } = await readAll('deals');
    expect(cursor.startsWith('since:')).toBe(true);
    const changed = hubspot.put('deals', { dealname: 'Edited in HubSpot' });
    const page = await connector.readChanges('deals', cursor);
    expect(page.records.map((r) => [r.remoteId, r.properties.dealname])).toContainEqual([changed.id, 'Edited in HubSpot']);
  });

  it('writes a deal stage back and creates a contact linked to its company; a refusal says what is missing', async () => {
    const deal = hubspot.put('deals', { dealname: 'Acme', dealstage: 'qualified' });
    const acme = hubspot.put('companies', { name: 'Acme' });
    await connector.write({ kind: 'deal', remoteId: deal.id, properties: { dealstage: 'closedwon', amount: '500.00' }, associations: {} });
    expect(hubspot.table('deals').get(deal.id)?.properties).toMatchObject({ dealstage: 'closedwon', amount: '500.00' });
    const created = await connector.write({ kind: 'contact', remoteId: null, properties: { email: 'new@acme.com', firstname: 'New' }, associations: { account: [acme.id] } });
    expect(hubspot.table('contacts').get(created.remoteId)?.associations).toEqual({ companies: [acme.id] });
    await expect(connector.write({ kind: 'contact', remoteId: null, properties: { firstname: 'No email' }, associations: {} })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('email is required') });
  });

  it('says clearly when the token was revoked', async () => {
    hubspot.revoke(TOKEN);
    await expect(connector.readChanges('deals', null)).rejects.toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('rapport connect hubspot'), details: { category: 'INVALID_AUTHENTICATION' } });
  });

  it('turns a signed webhook into change notifications and refuses a forged one', async () => {
    const now = Date.now();
    const request = hubspot.webhook('https://hub.example.com/hooks/hubspot', SECRET, [{ subscriptionType: 'deal.propertyChange', objectId: '42' }, { subscriptionType: 'company.creation', objectId: '7' }], now);
    expect(await connector.parseWebhook(request)).toMatchObject([{ object: 'deals', remoteId: '42', change: 'changed' }, { object: 'companies', remoteId: '7', change: 'created' }]);
    await expect(connector.parseWebhook({ ...request, body: request.body.replace('42', '43') })).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
