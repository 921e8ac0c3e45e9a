import { CrmError } from '@rapport/core';
import { RapportClient } from '@rapport/http';
import { createTestHub, type TestHub } from '@rapport/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabaseHandle } from '../support/databases.js';

/** The REST API over real HTTP, on a real database of each engine. */
describe.each(ENGINES)('the hub over HTTP on $engine', ({ engine, available }) => {
  let database: TestDatabaseHandle;
  let t: TestHub;
  let url: string;
  const client = (user: keyof TestHub['tokens']) => new RapportClient({ baseUrl: url, token: t.tokens[user] });

  beforeAll(async () => {
    if (!available) return;
    database = await freshDatabase(engine);
    t = await createTestHub({ store: await database.open(), config: { port: 0 } });
    url = (await t.hub.listen()).url;
  });
  afterAll(async () => {
    await t?.hub.close();
    await database?.drop();
  });

  it.skipIf(!available)('reports its database in /health', async () => {
    const health = await new RapportClient({ baseUrl: url }).call('health', {});
    expect(health).toMatchObject({ status: 'ok', database: engine });
  });

  it.skipIf(!available)('looks up a contact by email, gets the card, moves a deal, refuses a stale If-Match, sets a reminder', async () => {
    const ann = client('ann');
    const account = await ann.call('createAccount', { body: { name: 'Ñandú Técnica 南都', domains: ['nandu.example'] } });
    await ann.call('createContact', { body: { name: 'Lucía Fernández', emails: ['Lucia@nandu.example'], accountId: account.id } });
    const deal = await ann.call('createDeal', { body: { title: 'Rollout 2027', accountId: account.id, amount: { minor: 4_200_000, currency: 'EUR' }, expectedCloseDate: '2027-01-31' } });

    const [match] = (await client('bo').call('lookup', { query: { q: 'lucia+crm@NANDU.example' } })).items;
    expect(match).toMatchObject({ kind: 'contact', contact: { name: 'Lucía Fernández' } });
    const card = await client('bo').call('card', { query: { email: 'lucia@nandu.example' } });
    expect(card.account?.name).toBe('Ñandú Técnica 南都');
    expect(card.openDeals.map((d) => [d.deal.title, d.stageName])).toEqual([['Rollout 2027', 'Lead']]);
    expect((await client('bo').call('lookup', { query: { q: '南都' } })).items[0]).toMatchObject({ kind: 'account', account: { id: account.id } });

    const seen = await ann.callVersioned('getDeal', { params: { id: deal.id } });
    expect(seen.version).toBe(1);
    const moved = await ann.call('moveDealStage', { params: { id: deal.id }, body: { stageId: 'Demo' }, ifMatch: 1 });
    expect(moved).toMatchObject({ stageId: 'demo', probability: 40, version: 2 });
    const stale = await ann.call('updateDeal', { params: { id: deal.id }, body: { title: 'Lost update' }, ifMatch: 1 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(CrmError);
    expect(stale).toMatchObject({ code: 'conflict', details: { status: 412 } });
    expect(await ann.call('getDeal', { params: { id: deal.id } })).toMatchObject({ title: 'Rollout 2027', version: 2 });

    const reminder = await ann.call('createReminder', { body: { title: 'Send the contract', due: 'tomorrow 9am', dealId: deal.id } });
    expect(reminder).toMatchObject({ accountId: account.id, dealId: deal.id, timeZone: 'Europe/Berlin', status: 'open' });
    expect(new Date(reminder.dueAt).toLocaleTimeString('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' })).toBe('09:00');
  });

  it.skipIf(!available)('replays an idempotent POST and keeps one record', async () => {
    const ann = client('ann');
    const body = { name: 'Idempotent GmbH', domains: ['idempotent.example'] };
    const first = await ann.call('createAccount', { body, idempotencyKey: 'same-key' });
    const again = await ann.call('createAccount', { body, idempotencyKey: 'same-key' });
    expect(again).toEqual(first);
    const found = await ann.call('lookup', { query: { q: 'idempotent' } });
    expect(found.items).toHaveLength(1);
  });

  it.skipIf(!available)('does not let another team change a deal, and changes nothing', async () => {
    const ann = client('ann');
    const account = await ann.call('createAccount', { body: { name: 'Guarded Ltd' } });
    const deal = await ann.call('createDeal', { body: { title: 'Guarded', accountId: account.id, amount: { minor: 100, currency: 'GBP' } } });
    await expect(client('bo').call('winDeal', { params: { id: deal.id }, body: {} })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(client('bo').call('moveDealStage', { params: { id: deal.id }, body: { stageId: 'demo' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await ann.call('getDeal', { params: { id: deal.id } })).toMatchObject({ status: 'open', stageId: 'lead', version: 1 });
  });

  it.skipIf(!available)('logs an email once by Message-ID', async () => {
    const ann = client('ann');
    const account = await ann.call('createAccount', { body: { name: 'Once Inc' } });
    const email = { type: 'email' as const, subject: 'Re: pricing', accountId: account.id, externalId: '<CAF+once@mail.example>' };
    const first = await ann.call('logActivity', { body: email });
    const second = await client('raj').call('logActivity', { body: email });
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.activity.id).toBe(first.activity.id);
  });

  it.skipIf(!available)('answers bad input with the field to fix', async () => {
    const error = await client('ann')
      .call('createContact', { body: { name: 'X', emails: ['not-an-email'] } })
      .catch((e: unknown) => e as CrmError);
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'emails.0', message: expect.stringContaining('email address') }] });
  });
});
