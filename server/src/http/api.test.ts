import { api } from '@rapport/http';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

describe('the REST API', () => {
  let t: TestHub;
  let accountId: string;
  let dealId: string;

  beforeEach(async () => {
    t = await createTestHub();
    const account = await (await t.request('ann', 'POST', '/api/v1/accounts', { body: { name: 'Acme Corp', domains: ['acme.com'] } })).json();
    accountId = account.id;
    await t.request('ann', 'POST', '/api/v1/contacts', { body: { name: 'Jo Park', emails: ['jo@acme.com'], accountId } });
    const deal = await (await t.request('ann', 'POST', '/api/v1/deals', { body: { title: 'Acme renewal', accountId, amount: { minor: 500000, currency: 'EUR' } } })).json();
    dealId = deal.id;
  });

  it('answers /health without a token', async () => {
    const response = await t.request(null, 'GET', '/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'memory', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('refuses a missing or unknown token with problem+json saying how to get one', async () => {
    for (const headers of [{}, { authorization: 'Bearer rpt_nope' }, { authorization: 'Basic abc' }] as Array<Record<string, string>>) {
      const response = await t.request(null, 'GET', '/api/v1/lookup?q=acme', { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ code: 'unauthenticated', status: 401, detail: expect.stringContaining('token') });
      // RFC 6750 §3: the realm alone when nothing was sent; "invalid_token" and why when a token was.
      const challenge = response.headers.get('www-authenticate');
      if (headers.authorization) expect(challenge).toMatch(/^Bearer realm="rapport", error="invalid_token", error_description="[^"\\]+"$/);
      else expect(challenge).toBe('Bearer realm="rapport"');
    }
  });

  it('looks a contact up by email and returns the card, 404 when nobody matches', async () => {
    const lookup = await (await t.request('bo', 'GET', '/api/v1/lookup?q=JO%40acme.com')).json();
    expect(lookup.items[0]).toMatchObject({ kind: 'contact', matchedBy: 'email', contact: { name: 'Jo Park' } });
    const card = await (await t.request('bo', 'GET', '/api/v1/cards?email=jo@acme.com')).json();
    expect(card).toMatchObject({ contact: { name: 'Jo Park' }, account: { name: 'Acme Corp' }, openDeals: [{ deal: { id: dealId }, stageName: 'Lead', daysInStage: 0 }] });
    const missing = await t.request('bo', 'GET', '/api/v1/cards?email=nobody@nowhere.example');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'not_found', detail: expect.stringContaining('nobody@nowhere.example') });
  });

  it('moves a stage with If-Match, and refuses a stale If-Match with 412 changing nothing', async () => {
    const got = await t.request('ann', 'GET', `/api/v1/deals/${dealId}`);
    expect(got.headers.get('etag')).toBe('"1"');
    const moved = await t.request('ann', 'POST', `/api/v1/deals/${dealId}/stage`, { body: { stageId: 'proposal' }, headers: { 'if-match': '"1"' } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).toBe('"2"');
    const stale = await t.request('ann', 'PATCH', `/api/v1/deals/${dealId}`, { body: { title: 'Overwrite' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
    expect(await (await t.request('ann', 'GET', `/api/v1/deals/${dealId}`)).json()).toMatchObject({ title: 'Acme renewal', stageId: 'proposal', version: 2 });
    const history = await (await t.request('ann', 'GET', `/api/v1/deals/${dealId}/history`)).json();
    expect(history.items.map((h: { stageId: string }) => h.stageId)).toEqual(['lead', 'proposal']);
  });

  it('replays a POST sent again with the same Idempotency-Key and creates nothing new', async () => {
    const body = { title: 'Call Jo', due: 'tomorrow 9am', accountId };
    const first = await t.request('ann', 'POST', '/api/v1/reminders', { body, headers: { 'idempotency-key': 'k-1' } });
    const again = await t.request('ann', 'POST', '/api/v1/reminders', { body, headers: { 'idempotency-key': 'k-1' } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const list = await (await t.request('ann', 'GET', '/api/v1/reminders')).json();
    expect(list.items).toHaveLength(1);
    const reused = await t.request('ann', 'POST', '/api/v1/reminders', { body: { ...body, title: 'Other' }, headers: { 'idempotency-key': 'k-1' } });
    expect(reused.status).toBe(409);
  });

  it('replays the first answer\'s ETag with it, and completing a reminder answers with its version', async () => {
    const body = { title: 'Call Jo', due: 'tomorrow 9am', accountId };
    const first = await t.request('ann', 'POST', '/api/v1/reminders', { body, headers: { 'idempotency-key': 'k-etag' } });
    const again = await t.request('ann', 'POST', '/api/v1/reminders', { body, headers: { 'idempotency-key': 'k-etag' } });
    expect(first.headers.get('etag')).toBe('"1"');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('etag')).toBe('"1"');
    const { id } = (await first.json()) as { id: string };
    const done = await t.request('ann', 'POST', `/api/v1/reminders/${id}/complete`, { body: {}, headers: { 'idempotency-key': 'k-done' } });
    expect(done.status).toBe(200);
    expect(done.headers.get('etag')).toBe('"2"');
    const doneAgain = await t.request('ann', 'POST', `/api/v1/reminders/${id}/complete`, { body: {}, headers: { 'idempotency-key': 'k-done' } });
    expect(doneAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(doneAgain.headers.get('etag')).toBe('"2"');
  });

  it('tells browsers not to sniff any answer: successes, problems and unknown paths', async () => {
    for (const response of [await t.request('ann', 'GET', '/api/v1/me'), await t.request(null, 'GET', '/api/v1/me'), await t.request('ann', 'GET', '/api/v1/nowhere'), await t.request(null, 'GET', '/health')]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('runs only one of two copies of a POST sent at the same moment with the same key', async () => {
    const body = { name: 'Twice Ltd' };
    const headers = { 'idempotency-key': 'double-click' };
    const answers = await Promise.all([t.request('ann', 'POST', '/api/v1/accounts', { body, headers }), t.request('ann', 'POST', '/api/v1/accounts', { body, headers })]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const found = await (await t.request('ann', 'GET', '/api/v1/lookup?q=twice')).json();
    expect(found.items).toHaveLength(1);
  });

  it('says which field is wrong, and never answers bad input with a 500', async () => {
    const bad = await t.request('ann', 'POST', '/api/v1/deals', { body: { title: 'x', accountId, amount: { minor: -5, currency: 'EURO' } } });
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(['amount.currency', 'amount.minor']);
    for (const [method, path, body] of [
      ['POST', '/api/v1/deals', '{not json'],
      ['GET', '/api/v1/deals?limit=abc', undefined],
      ['GET', '/api/v1/deals?cursor=garbage', undefined],
      ['GET', '/api/v1/deals/not-an-id', undefined],
      ['POST', `/api/v1/deals/${dealId}/stage`, { stageId: '' }],
      ['PATCH', `/api/v1/deals/${dealId}`, { stageId: 'won' }],
      ['GET', '/api/v1/cards', undefined],
      ['GET', '/api/v1/lookup?q=', undefined],
      ['POST', '/api/v1/reminders', { title: 'x', due: 'someday maybe' }],
    ] as const) {
      const response = await t.request('ann', method, path, body === undefined ? {} : { body });
      expect(response.status, `${method} ${path}`).toBe(400);
      expect((await response.json()).code).toBe('invalid_input');
    }
    expect((await t.request('ann', 'PATCH', `/api/v1/deals/${dealId}`, { body: { title: 'x' }, headers: { 'if-match': 'yesterday' } })).status).toBe(400);
    expect((await t.request('ann', 'GET', '/api/v1/nothing-here')).status).toBe(404);
  });

  it('lets everyone read a deal but not change another team\'s (403, nothing changed)', async () => {
    expect((await t.request('bo', 'GET', `/api/v1/deals/${dealId}`)).status).toBe(200);
    const denied = await t.request('bo', 'POST', `/api/v1/deals/${dealId}/win`, { body: {} });
    expect(denied.status).toBe(403);
    expect((await (await t.request('ann', 'GET', `/api/v1/deals/${dealId}`)).json()).status).toBe('open');
    expect((await t.request('bo', 'POST', '/api/v1/users', { body: { name: 'X', email: 'x@rapport.test' } })).status).toBe(403);
  });

  it('sets a reminder "tomorrow 9am" in the user\'s zone and lists it as due the next day', async () => {
    const created = await (await t.request('ann', 'POST', '/api/v1/reminders', { body: { title: 'Call Jo', due: 'tomorrow 9am', accountId } })).json();
    expect(created.timeZone).toBe('Europe/Berlin');
    expect(new Date(created.dueAt).toLocaleString('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' })).toBe('09:00');
    const later = await (await t.request('ann', 'GET', `/api/v1/reminders/due?before=${encodeURIComponent(new Date(Date.parse(created.dueAt) + 1).toISOString())}`)).json();
    expect(later.items.map((r: { id: string }) => r.id)).toEqual([created.id]);
  });

  it('pages through lists with cursors', async () => {
    for (let i = 0; i < 5; i += 1) await t.request('ann', 'POST', '/api/v1/accounts', { body: { name: `Zeta ${i}` } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ name: string }>; nextCursor: string | null } = await (await t.request('ann', 'GET', `/api/v1/accounts?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Acme Corp', 'Zeta 0', 'Zeta 1', 'Zeta 2', 'Zeta 3', 'Zeta 4']);
  });

  it('fetches many accounts by id in one request, and refuses more than a page of ids', async () => {
    const other = await (await t.request('bo', 'POST', '/api/v1/accounts', { body: { name: 'Ångström AB' } })).json();
    const both = await (await t.request('ann', 'GET', `/api/v1/accounts?ids=${other.id},${accountId},acc_missing`)).json();
    expect(both).toEqual({ items: [expect.objectContaining({ name: 'Acme Corp' }), expect.objectContaining({ name: 'Ångström AB' })], nextCursor: null });
    const tooMany = Array.from({ length: 201 }, (_, i) => `acc_${i}`).join(',');
    expect((await t.request('ann', 'GET', `/api/v1/accounts?ids=${tooMany}`)).status).toBe(400);
  });

  it('logs the same email once: the repeat answers 200 with created=false', async () => {
    const email = { type: 'email', subject: 'Hi', accountId, externalId: '<m1@mail.example>' };
    expect((await t.request('ann', 'POST', '/api/v1/activities', { body: email })).status).toBe(201);
    const repeat = await t.request('raj', 'POST', '/api/v1/activities', { body: email });
    expect(repeat.status).toBe(200);
    expect((await repeat.json()).created).toBe(false);
  });

  it('stops accepting a token at once when it is revoked or its user deactivated on this hub', async () => {
    expect((await t.request('raj', 'GET', '/api/v1/me')).status).toBe(200);
    const tokens = await (await t.request('raj', 'GET', '/api/v1/tokens')).json();
    expect((await t.request('raj', 'DELETE', `/api/v1/tokens/${tokens.items[0].id}`)).status).toBe(204);
    expect((await t.request('raj', 'GET', '/api/v1/me')).status).toBe(401);
    expect((await t.request('bo', 'GET', '/api/v1/me')).status).toBe(200);
    expect((await t.request('admin', 'PATCH', `/api/v1/users/${t.ids.bo}`, { body: { active: false } })).status).toBe(200);
    expect((await t.request('bo', 'GET', '/api/v1/me')).status).toBe(401);
  });

  it('describes every route in an OpenAPI 3.1 document', async () => {
    const doc = await (await t.request(null, 'GET', '/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const [id, route] of Object.entries(api)) {
      expect(doc.paths[route.path]?.[route.method.toLowerCase()]?.operationId, id).toBe(id);
    }
    expect(doc.paths['/api/v1/deals/{id}'].patch.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'If-Match']);
  });
});
