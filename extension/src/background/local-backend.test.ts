import 'fake-indexeddb/auto';
import { IdbCardCache, IdbStore, openSyncDb } from '@rapport/indexeddb';
import { describe, expect, it } from 'vitest';
import { LocalBackend } from './local-backend.js';

let databases = 0;
async function openLocal(): Promise<LocalBackend> {
  databases += 1;
  const store = await IdbStore.open(`local-backend-${databases}`);
  const cache = new IdbCardCache(await openSyncDb(`local-backend-sync-${databases}`));
  return LocalBackend.open(store, cache, { name: 'Ann Lee', email: 'ann@rapport.test' });
}

describe('LocalBackend (the whole CRM in this browser)', () => {
  it('creates a sender with the company from their domain, a deal for it, and edits every field of the deal at once', async () => {
    const local = await openLocal();
    await local.createContact({ name: 'José Núñez', email: 'jose@globex.example', company: 'Globex', domain: 'globex.example' });
    const [before] = await local.freshCards(['jose@globex.example']);
    const account = before?.card?.account;
    expect(account?.name).toBe('Globex');
    await local.createDeal({ title: 'Globex pilot', accountId: account?.id ?? '', primaryContactId: before?.card?.contact?.id ?? null, amount: { minor: 1_200_000, currency: 'EUR' }, expectedCloseDate: null });
    const deal = (await local.freshCards(['jose@globex.example']))[0]?.card?.openDeals[0]?.deal;
    expect(deal).toMatchObject({ title: 'Globex pilot', stageId: 'lead', amount: { minor: 1_200_000 } });

    await local.updateDeal(deal?.id ?? '', deal?.version ?? 0, { stageId: 'negotiation', amount: { minor: 1_500_000, currency: 'EUR' }, expectedCloseDate: '2027-03-31' });
    const [after] = await local.freshCards(['jose@globex.example']);
    expect(after?.card?.openDeals[0]).toMatchObject({ stageName: 'Negotiation', deal: { amount: { minor: 1_500_000 }, expectedCloseDate: '2027-03-31' } });
  });

  it('refuses an edit made on a version someone already changed, and keeps the deal as it was', async () => {
    const local = await openLocal();
    await local.createContact({ name: 'Zoë', email: 'zoe@acme.example', company: 'Acme', domain: 'acme.example' });
    const accountId = (await local.freshCards(['zoe@acme.example']))[0]?.card?.account?.id ?? '';
    await local.createDeal({ title: 'Acme renewal', accountId, primaryContactId: null, amount: { minor: 100, currency: 'EUR' }, expectedCloseDate: null });
    const deal = (await local.freshCards(['zoe@acme.example']))[0]?.card?.openDeals[0]?.deal;
    await local.updateDeal(deal?.id ?? '', deal?.version ?? 0, { amount: { minor: 200, currency: 'EUR' } });
    await expect(local.updateDeal(deal?.id ?? '', deal?.version ?? 0, { stageId: 'demo' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await local.freshCards(['zoe@acme.example']))[0]?.card?.openDeals[0]?.deal).toMatchObject({ stageId: 'lead', amount: { minor: 200 } });
  });
});
