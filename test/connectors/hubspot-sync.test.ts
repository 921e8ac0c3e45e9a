import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectorSync, OutboxPusher, createServices, hasConnectors, SequentialIds, systemClock, TimeOrderedIds, type AnalyticsStore, type ConnectorUnitOfWork } from '@rapport/core';
import { aConnection, aUser } from '@rapport/core/testing';
import { HUBSPOT_FIELDS, HubSpotConnector } from '@rapport/hubspot';
import { HubSpotStandIn } from '@rapport/hubspot/testing';
import { createPostgresStore, createSqliteStore } from '@rapport/sql';
import { createTestDatabase, type TestDatabase } from '@rapport/sql/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

const TOKEN = 'pat-test-token';
const SECRET = 'app-secret';
const HOOK_URI = 'https://hub.example.com/api/v1/connectors/hubspot/webhooks';

function describeHubSpotSync(name: string, openStore: () => Promise<AnalyticsStore>): void {
  describe(`HubSpot sync end to end (${name})`, () => {
    let hubspot: HubSpotStandIn;
    let store: AnalyticsStore;
    let connector: HubSpotConnector;
    const admin = aUser({ id: 'usr_admin', email: 'admin@example.com', role: 'admin' });
    const ana = aUser({ id: 'usr_ana', email: 'ana@example.com' });

    const syncFor = (hubName: string): ConnectorSync =>
      new ConnectorSync({ store, connector, connectionId: 'conn-1', fields: HUBSPOT_FIELDS, clock: systemClock, ids: new SequentialIds(), hubName, fallbackOwnerId: admin.id });
    const read = <T>(fn: (uow: ConnectorUnitOfWork) => Promise<T>): Promise<T> =>
      store.read((uow) => (hasConnectors(uow) ? fn(uow) : Promise.reject(new Error('no connector state'))));

    beforeEach(async () => {
      hubspot = new HubSpotStandIn(TOKEN);
      hubspot.owners = [{ id: '77', email: 'Ana@Example.com', firstName: 'Ana', lastName: 'Silva' }];
      hubspot.pipelines = [{ id: 'default', label: 'Sales', stages: [
        { id: 'appointmentscheduled', label: 'Appointment', metadata: { probability: '0.2', isClosed: 'false' } },
        { id: 'contractsent', label: 'Contract sent', metadata: { probability: '0.8', isClosed: 'false' } },
        { id: 'closedwon', label: 'Closed won', metadata: { probability: '1.0', isClosed: 'true' } },
      ] }];
      hubspot.properties.companies = [{ name: 'region', label: 'Region', type: 'enumeration', fieldType: 'select', hubspotDefined: false, options: [{ label: 'EMEA', value: 'emea' }] }];
      connector = new HubSpotConnector({ token: TOKEN, basePath: await hubspot.start(), clientSecret: SECRET, pageSize: 2 });
      store = await openStore();
      await store.transaction(async (uow) => {
        await uow.users.insert(admin);
        await uow.users.insert(ana);
        if (hasConnectors(uow)) await uow.connectors.saveConnection(aConnection());
      });
    });
    afterEach(async () => {
      await store.close();
      await hubspot.stop();
    });

    async function seed(): Promise<{ acme: string; bo: string }> {
      const acme = hubspot.put('companies', { name: 'Acme', domain: 'acme.com', region: 'emea', hubspot_owner_id: '77' }).id;
      const bo = hubspot.put('contacts', { firstname: 'Bo', lastname: 'Li', email: 'bo@acme.com', hubspot_owner_id: '77' }, { companies: [acme] }).id;
      for (let i = 0; i < 3; i += 1) hubspot.put('contacts', { firstname: `Rep${i}`, email: `rep${i}@acme.com` }, { companies: [acme] });
      return { acme, bo };
    }

    it('copies companies and contacts with their links, owners and custom fields, page by page', async () => {
      const { acme, bo } = await seed();
      const result = await syncFor('hub-a').run();
      expect(result.counts.created).toBe(5);
      await read(async (uow) => {
        const account = (await uow.connectors.findByRemote('conn-1', 'account', acme))!;
        const contact = (await uow.connectors.findByRemote('conn-1', 'contact', bo))!;
        expect(await uow.accounts.get(account.localId)).toMatchObject({ name: 'Acme', domains: ['acme.com'], ownerId: ana.id, customFields: { region: 'emea' } });
        expect(await uow.contacts.get(contact.localId)).toMatchObject({ name: 'Bo Li', accountId: account.localId, ownerId: ana.id });
        expect(contact.remoteUrl).toContain(`/record/0-1/${bo}`);
        expect((await uow.customFields.list({ objectType: 'account' })).map((f) => [f.key, f.type])).toEqual([['region', 'single_select']]);
        expect((await uow.connectors.listCursors('conn-1')).find((c) => c.object === 'contacts')).toMatchObject({ initialDone: true, recordsRead: 4 });
        expect(await uow.connectors.getConnection('conn-1')).toMatchObject({ status: 'active', lastError: null, leaseOwner: null });
      });
    });

    it('copies deals into a pipeline made from HubSpot’s, with their stage, amount, account and contact', async () => {
      const { acme, bo } = await seed();
      const open = hubspot.put('deals', { dealname: 'Acme pilot', amount: '2500', pipeline: 'default', dealstage: 'contractsent', closedate: '2026-06-30T00:00:00.000Z', hubspot_owner_id: '77' }, { companies: [acme], contacts: [bo] }).id;
      const won = hubspot.put('deals', { dealname: 'Acme first order', amount: '900', pipeline: 'default', dealstage: 'closedwon' }, { companies: [acme] }).id;
      await syncFor('hub-a').run();
      await read(async (uow) => {
        const local = async (kind: 'deal' | 'account' | 'contact', remoteId: string): Promise<string> => (await uow.connectors.findByRemote('conn-1', kind, remoteId))!.localId;
        const deal = (await uow.deals.get(await local('deal', open)))!;
        expect(deal).toMatchObject({ title: 'Acme pilot', stageId: 'contractsent', probability: 80, status: 'open', amount: { minor: 250000, currency: 'USD' }, accountId: await local('account', acme), primaryContactId: await local('contact', bo), ownerId: ana.id, expectedCloseDate: '2026-06-30' });
        expect((await uow.pipelines.get(deal.pipelineId))?.stages.map((st) => [st.id, st.probability])).toEqual([['appointmentscheduled', 20], ['contractsent', 80]]);
        expect(await uow.deals.get(await local('deal', won))).toMatchObject({ status: 'won', probability: 100, ownerId: admin.id });
        expect((await uow.deals.stageHistory(deal.id)).map((c) => [c.stageId, c.surface])).toEqual([['contractsent', 'system']]);
      });
    });

    it('pushes a deal moved in Rapport to HubSpot, and keeps a refused change as failed with HubSpot’s reason', async () => {
      const { acme } = await seed();
      const dealId = hubspot.put('deals', { dealname: 'Acme pilot', amount: '2500', pipeline: 'default', dealstage: 'appointmentscheduled' }, { companies: [acme] }).id;
      await syncFor('hub-a').run();
      const localDeal = await read(async (uow) => (await uow.connectors.findByRemote('conn-1', 'deal', dealId))!.localId);
      const now = new Date().toISOString();
      const entry = { connectionId: 'conn-1', status: 'pending' as const, attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now };
      await store.transaction(async (uow) => {
        if (!hasConnectors(uow)) return;
        await uow.connectors.appendOutbox({ ...entry, id: 'out-1', kind: 'deal', localId: localDeal, operation: 'update', changes: { stageId: 'contractsent', amount: { minor: 300000, currency: 'USD' }, expectedCloseDate: '2026-07-01' } });
        await uow.connectors.appendOutbox({ ...entry, id: 'out-2', kind: 'contact', localId: 'con_new', operation: 'create', changes: { firstname: 'No email' } });
      });
      const pusher = new OutboxPusher({ store, connector, connectionId: 'conn-1', fields: HUBSPOT_FIELDS, clock: systemClock });
      expect(await pusher.pushDue(await connector.readSchema())).toEqual({ pushed: 1, failed: 1, retrying: 0 });
      expect(hubspot.table('deals').get(dealId)?.properties).toMatchObject({ dealstage: 'contractsent', amount: '3000.00', closedate: '2026-07-01' });
      await read(async (uow) => {
        expect(await uow.connectors.countOutbox('conn-1')).toEqual({ pending: 0, done: 1, failed: 1 });
        expect((await uow.connectors.findByLocal('conn-1', 'contact', 'con_new'))).toBeNull();
      });
    });

    it('writes a stage moved through Rapport’s deal service back to HubSpot', async () => {
      const { acme } = await seed();
      const dealId = hubspot.put('deals', { dealname: 'Acme pilot', amount: '2500', pipeline: 'default', dealstage: 'appointmentscheduled', hubspot_owner_id: '77' }, { companies: [acme] }).id;
      await syncFor('hub-a').run();
      const localDeal = await read(async (uow) => (await uow.connectors.findByRemote('conn-1', 'deal', dealId))!.localId);
      const services = createServices({ store, clock: systemClock, ids: new TimeOrderedIds() });
      await services.deals.moveStage({ user: ana, surface: 'slack' }, localDeal, 'contractsent', {});
      expect(await read((uow) => uow.connectors.countOutbox('conn-1'))).toEqual({ pending: 1, done: 0, failed: 0 });
      const pusher = new OutboxPusher({ store, connector, connectionId: 'conn-1', fields: HUBSPOT_FIELDS, clock: systemClock });
      expect(await pusher.pushDue(await connector.readSchema())).toEqual({ pushed: 1, failed: 0, retrying: 0 });
      expect(hubspot.table('deals').get(dealId)?.properties.dealstage).toBe('contractsent');
    });

    it('applies a webhook change once, however often it arrives', async () => {
      const { bo } = await seed();
      await syncFor('hub-a').run();
      hubspot.put('contacts', { jobtitle: 'CTO' }, {}, bo);
      const request = hubspot.webhook(HOOK_URI, SECRET, [{ subscriptionType: 'contact.propertyChange', objectId: bo, eventId: 9 }], Date.now());
      const sync = syncFor('hub-a');
      expect(await sync.applyNotifications(await connector.parseWebhook(request))).toMatchObject({ updated: 1 });
      expect(await sync.applyNotifications(await connector.parseWebhook(request))).toMatchObject({ updated: 0, skipped: 1 });
      const contact = await read(async (uow) => uow.contacts.get((await uow.connectors.findByRemote('conn-1', 'contact', bo))!.localId));
      expect(contact).toMatchObject({ title: 'CTO', version: 2 });
    });

    it('catches a change no webhook announced on the next poll', async () => {
      const { acme } = await seed();
      await syncFor('hub-a').run();
      hubspot.put('companies', { name: 'Acme Holdings' }, {}, acme);
      await syncFor('hub-a').run();
      const account = await read(async (uow) => uow.accounts.get((await uow.connectors.findByRemote('conn-1', 'account', acme))!.localId));
      expect(account?.name).toBe('Acme Holdings');
    });

    it('leaves the sync to the hub that holds it', async () => {
      await seed();
      await store.transaction(async (uow) => {
        if (hasConnectors(uow)) await uow.connectors.claimSync('conn-1', { owner: 'hub-b', now: new Date().toISOString(), leaseUntil: new Date(Date.now() + 60_000).toISOString() });
      });
      expect((await syncFor('hub-a').run()).ran).toBe(false);
      expect(hubspot.requests).toEqual([]);
    });

    it('marks the connection revoked, with what to do, when HubSpot refuses the token, and keeps the copy', async () => {
      await seed();
      await syncFor('hub-a').run();
      hubspot.revoke(TOKEN);
      await expect(syncFor('hub-a').run()).rejects.toMatchObject({ code: 'unauthenticated' });
      await read(async (uow) => {
        expect(await uow.connectors.getConnection('conn-1')).toMatchObject({ status: 'revoked', lastError: expect.stringContaining('rapport connect hubspot'), leaseOwner: null });
        expect(await uow.connectors.countLinks('conn-1')).toEqual({ account: 1, contact: 4, pipeline: 1 });
      });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'rapport-hubspot-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
describeHubSpotSync('sqlite', () => createSqliteStore({ file: join(dir, `hub-${(files += 1)}.db`) }));

const adminUrl = inject('postgresUrl');
describe.skipIf(!adminUrl)('on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(adminUrl ?? '', { prefix: 'rapport_hubspot' });
  });
  afterAll(async () => {
    await database?.drop();
  });
  describeHubSpotSync('postgres', async () => {
    await database.reset();
    return createPostgresStore({ url: database.url, poolSize: 2 });
  });
});
