import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

describe('the capture routes (what the Gmail extension sends)', () => {
  let test: TestHub;
  let acme: { id: string };
  let deal: { id: string; version: number };

  beforeEach(async () => {
    test = await createTestHub();
    acme = await (await test.request('ann', 'POST', '/api/v1/accounts', { body: { name: 'Acme Corp', domains: ['acme.example'] } })).json();
    deal = await (await test.request('ann', 'POST', '/api/v1/deals', { body: { title: 'Acme renewal', accountId: acme.id, amount: { minor: 100, currency: 'EUR' } } })).json();
  });
  afterEach(() => test.hub.close());

  it('creates a sender\'s contact at the account of their domain, and logs their email on it once', async () => {
    const created = await test.request('ann', 'POST', '/api/v1/capture/senders', { body: { name: 'Zoë', email: 'zoe@acme.example', company: 'Acme Robotics', domain: 'acme.example' } });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: 'Zoë', accountId: acme.id });
    const email = { email: 'zoe@acme.example', messageId: '<1@acme.example>', subject: 'Renewal', text: 'Hi' };
    const first = await test.request('ann', 'POST', '/api/v1/capture/emails', { body: email });
    const again = await test.request('ann', 'POST', '/api/v1/capture/emails', { body: email });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect((await again.json()).activity).toMatchObject({ subject: 'Renewal', accountId: acme.id, surface: 'api' });
  });

  it('never founds an account for a free-mail sender', async () => {
    const li = await (await test.request('ann', 'POST', '/api/v1/capture/senders', { body: { name: '李娜', email: 'li.na@163.com', company: '163', domain: '163.com' } })).json();
    expect(li).toMatchObject({ accountId: null });
  });

  it('answers 404 for an email from an address nobody has, saying to create the contact', async () => {
    const answer = await test.request('ann', 'POST', '/api/v1/capture/emails', { body: { email: 'who@nowhere.example', messageId: '<2@x>' } });
    expect(answer.status).toBe(404);
    expect((await answer.json()).detail).toMatch(/create the contact first/);
  });

  it('sets a reminder about whoever has an address', async () => {
    const answer = await test.request('ann', 'POST', '/api/v1/capture/reminders', { body: { title: 'Call Acme', due: 'tomorrow 9am', email: 'buyer@acme.example' } });
    expect(answer.status).toBe(201);
    expect(await answer.json()).toMatchObject({ accountId: acme.id, contactId: null });
  });

  it('saves stage and amount in one edit, and refuses a stale one with 412', async () => {
    const ifMatch = { 'if-match': `"${deal.version}"` };
    const edited = await test.request('ann', 'POST', `/api/v1/capture/deals/${deal.id}/edit`, { headers: ifMatch, body: { stageId: 'proposal', amount: { minor: 4_500_000, currency: 'EUR' } } });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ stageId: 'proposal', amount: { minor: 4_500_000 } });
    expect(edited.headers.get('etag')).toBe(`"${deal.version + 2}"`);
    const stale = await test.request('ann', 'POST', `/api/v1/capture/deals/${deal.id}/edit`, { headers: ifMatch, body: { expectedCloseDate: '2027-01-31' } });
    expect(stale.status).toBe(412);
  });

  it('answers 400 for an edit that changes nothing', async () => {
    const answer = await test.request('ann', 'POST', `/api/v1/capture/deals/${deal.id}/edit`, { body: {} });
    expect(answer.status).toBe(400);
  });
});
