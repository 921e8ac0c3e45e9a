import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '@rapport/server';
import { createTestHub, type TestHub } from '@rapport/server/testing';
import { openStore } from '@rapport/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenApiConformance } from '../support/openapi-conformance.js';

type User = keyof TestHub['tokens'] | null;

/**
 * The OpenAPI document tells the truth: a walk over the whole API on a real hub (SQLite, real
 * HTTP) makes each operation succeed and fail in its main ways, and every answer's status,
 * headers and body are checked against the document the hub serves.
 */
describe('the OpenAPI document against real answers', () => {
  let t: TestHub;
  let base = '';
  let dataDir = '';
  let conformance: OpenApiConformance;
  const ids: Record<string, string> = {};

  const call = async (user: User, method: string, path: string, init: { body?: unknown; raw?: string; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...(user ? { authorization: `Bearer ${t.tokens[user]}` } : {}), ...init.headers };
    const body = init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    conformance.check(method, path, response.status, response.headers, text);
    return { status: response.status, json: () => JSON.parse(text) as Record<string, unknown> & { id: string } };
  };
  const create = async (key: string, user: User, path: string, body: unknown) => {
    const answer = await call(user, 'POST', path, { body });
    expect(answer.status, `${path} ${JSON.stringify(answer.json())}`).toBe(201);
    ids[key] = answer.json().id;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rapport-openapi-'));
    t = await createTestHub({ store: await openStore({ dataDir }), config: readConfig({ RAPPORT_SCHEDULER: '0', PORT: '0', RAPPORT_AUTH_FAILURE_LIMIT: '0' }) });
    base = (await t.hub.listen()).url;
    conformance = new OpenApiConformance((await (await fetch(`${base}/api/v1/openapi.json`)).json()) as Record<string, unknown>);
  });
  afterAll(async () => {
    await t?.hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('declares every status, header and body the hub answers with', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const today = new Date().toISOString().slice(0, 10);
    await call(null, 'GET', '/health');
    await call(null, 'GET', '/api/v1/openapi.json');

    // People, teams, tokens.
    await call('ann', 'GET', '/api/v1/me');
    await call('ann', 'GET', '/api/v1/users');
    await call('ann', 'GET', '/api/v1/teams');
    await call('ann', 'GET', '/api/v1/pipelines');
    await create('user', 'admin', '/api/v1/users', { name: 'Zoe', email: 'zoe@rapport.test', timeZone: 'UTC' });
    await call('ann', 'POST', '/api/v1/users', { body: { name: 'Nope', email: 'nope@rapport.test', timeZone: 'UTC' } });
    await call('admin', 'PATCH', `/api/v1/users/${ids.user}`, { body: { name: 'Zoe Park' } });
    await create('team', 'admin', '/api/v1/teams', { name: 'North' });
    await create('token', 'ann', '/api/v1/tokens', { name: 'laptop' });
    await call('ann', 'POST', '/api/v1/tokens', { body: { name: 'late', expiresAt: '2020-01-01T00:00:00Z' } });
    await call('ann', 'GET', '/api/v1/tokens');
    await call('ann', 'DELETE', `/api/v1/tokens/${ids.token}`);

    // Accounts and contacts.
    await create('account', 'ann', '/api/v1/accounts', { name: 'Acme Corp', domains: ['acme.com'] });
    await create('duplicate', 'ann', '/api/v1/accounts', { name: 'Acme Inc' });
    await call('ann', 'POST', '/api/v1/accounts', { body: { name: 'Acme Corp', domains: ['acme.com'] }, headers: { 'idempotency-key': 'acct-1' } });
    await call('ann', 'POST', '/api/v1/accounts', { body: { name: 'Acme Corp', domains: ['acme.com'] }, headers: { 'idempotency-key': 'acct-1' } });
    await call('ann', 'GET', '/api/v1/accounts');
    await call('ann', 'GET', `/api/v1/accounts/${ids.account}`);
    await call('ann', 'PATCH', `/api/v1/accounts/${ids.account}`, { body: { industry: 'Manufacturing' }, headers: { 'if-match': '"1"' } });
    await call('ann', 'PATCH', `/api/v1/accounts/${ids.account}`, { body: { industry: 'Retail' }, headers: { 'if-match': '"1"' } });
    await call('ann', 'POST', `/api/v1/accounts/${ids.account}/merge`, { body: { duplicateId: ids.duplicate } });
    await create('contact', 'ann', '/api/v1/contacts', { name: 'Jo Park', emails: ['jo@acme.com'], accountId: ids.account });
    await create('contact2', 'ann', '/api/v1/contacts', { name: 'Jo P.', emails: ['jo.p@acme.com'] });
    await call('ann', 'GET', '/api/v1/contacts');
    await call('ann', 'GET', `/api/v1/contacts/${ids.contact}`);
    await call('ann', 'PATCH', `/api/v1/contacts/${ids.contact}`, { body: { title: 'CTO' } });
    await call('ann', 'POST', `/api/v1/contacts/${ids.contact}/merge`, { body: { duplicateId: ids.contact2 } });
    await call('ann', 'GET', '/api/v1/lookup?q=acme');
    await call('ann', 'GET', '/api/v1/cards?email=jo@acme.com');
    await call('ann', 'GET', '/api/v1/cards?email=nobody@nowhere.example');

    // Deals and their actions.
    const deal = { title: 'Acme renewal', accountId: ids.account, amount: { minor: 500000, currency: 'EUR' } };
    await create('deal', 'ann', '/api/v1/deals', deal);
    await create('deal2', 'ann', '/api/v1/deals', { ...deal, title: 'Acme pilot' });
    await call('ann', 'GET', '/api/v1/deals');
    await call('ann', 'GET', `/api/v1/deals/${ids.deal}`);
    await call('ann', 'PATCH', `/api/v1/deals/${ids.deal}`, { body: { title: 'Acme renewal 2027' } });
    await call('ann', 'POST', `/api/v1/deals/${ids.deal}/stage`, { body: { stageId: 'proposal' } });
    await call('ann', 'POST', `/api/v1/deals/${ids.deal}/stage`, { body: { stageId: 'proposal' }, headers: { 'if-match': '"1"' } });
    await call('ann', 'GET', `/api/v1/deals/${ids.deal}/history`);
    await call('ann', 'POST', `/api/v1/deals/${ids.deal}/suspend`, { body: {} });
    await call('ann', 'POST', `/api/v1/deals/${ids.deal}/reactivate`, { body: {} });
    await call('ann', 'POST', `/api/v1/deals/${ids.deal}/win`, { body: {} });
    await call('ann', 'POST', `/api/v1/deals/${ids.deal}/reopen`, { body: {} });
    await call('mia', 'POST', `/api/v1/deals/${ids.deal}/reopen`, { body: {} });
    await call('ann', 'POST', `/api/v1/deals/${ids.deal2}/lose`, { body: { reason: 'Price', competitor: 'Globex' } });
    await call('ann', 'POST', `/api/v1/deals/${ids.deal}/transfer`, { body: { toUserId: t.ids.raj, note: 'Raj takes over' } });
    await call('bo', 'PATCH', `/api/v1/deals/${ids.deal}`, { body: { title: 'Not mine' } });

    // Pipelines and their stages.
    await create('pipeline', 'mia', '/api/v1/pipelines', { name: 'East renewals', stages: [{ name: 'Intro', probability: 10 }, { name: 'Signed', probability: 100, outcome: 'won' }] });
    await call('ann', 'GET', `/api/v1/pipelines/${ids.pipeline}`);
    await call('mia', 'PATCH', `/api/v1/pipelines/${ids.pipeline}`, { body: { name: 'East – renewals' }, headers: { 'if-match': '"1"' } });
    await call('mia', 'PATCH', `/api/v1/pipelines/${ids.pipeline}`, { body: { name: 'Stale' }, headers: { 'if-match': '"1"' } });
    await call('mia', 'POST', `/api/v1/pipelines/${ids.pipeline}/stages`, { body: { name: 'Pilot', probability: 50, position: 1 } });
    await call('mia', 'PATCH', `/api/v1/pipelines/${ids.pipeline}/stages/pilot`, { body: { name: 'Paid pilot' } });
    await call('mia', 'POST', `/api/v1/pipelines/${ids.pipeline}/stages/order`, { body: { stageIds: ['pilot', 'intro', 'signed'] } });
    await create('deal4', 'ann', '/api/v1/deals', { ...deal, title: 'Acme support' });
    await call('ann', 'PATCH', `/api/v1/deals/${ids.deal4}`, { body: { pipelineId: ids.pipeline, stageId: 'intro' }, headers: { 'if-match': '"1"' } });
    await call('mia', 'DELETE', `/api/v1/pipelines/${ids.pipeline}/stages/intro`);
    await call('mia', 'DELETE', `/api/v1/pipelines/${ids.pipeline}/stages/intro?moveDealsTo=pilot`);
    await call('ann', 'GET', '/api/v1/deals?sort=-amount&limit=1');
    await call('ann', 'GET', '/api/v1/deals?sort=size');
    await create('emptyPipeline', 'admin', '/api/v1/pipelines', { name: 'Scratch' });
    await call('admin', 'DELETE', `/api/v1/pipelines/${ids.emptyPipeline}`);
    await call('bo', 'DELETE', `/api/v1/pipelines/${ids.pipeline}`);
    // Custom fields: defined by an admin, filled in on a deal, filtered and sorted by, deleted and restored.
    await create('field', 'admin', '/api/v1/custom-fields', { objectType: 'deal', key: 'region', label: 'Region', type: 'single_select', options: [{ id: 'emea', label: 'EMEA' }], showOnCard: true });
    await call('ann', 'POST', '/api/v1/custom-fields', { body: { objectType: 'deal', key: 'zone', label: 'Zone', type: 'text' } });
    await call('ann', 'GET', '/api/v1/custom-fields?objectType=deal');
    await call('ann', 'GET', `/api/v1/custom-fields/${ids.field}`);
    await call('admin', 'PATCH', `/api/v1/custom-fields/${ids.field}`, { body: { label: 'Sales region' }, headers: { 'if-match': '"1"' } });
    await create('fieldDeal', 'ann', '/api/v1/deals', { ...deal, title: 'Acme EMEA', customFields: { region: 'emea' } });
    await call('ann', 'POST', '/api/v1/deals', { body: { ...deal, customFields: { region: 'mars' } } });
    await call('ann', 'GET', '/api/v1/deals?filter[region]=emea&sort=-region');
    await call('ann', 'GET', '/api/v1/accounts?filter[nothing]=1');
    await call('ann', 'GET', '/api/v1/contacts?sort=nothing');
    await call('admin', 'DELETE', `/api/v1/custom-fields/${ids.field}`);
    await call('admin', 'POST', `/api/v1/custom-fields/${ids.field}/restore`, { body: {} });

    // Activities.
    const email = { type: 'email', accountId: ids.account, externalId: '<m1@acme.com>', occurredAt: new Date().toISOString() };
    const logged = await call('ann', 'POST', '/api/v1/activities', { body: email });
    ids.activity = (logged.json().activity as { id: string }).id;
    await call('ann', 'POST', '/api/v1/activities', { body: email });
    await call('ann', 'GET', '/api/v1/activities');
    await call('ann', 'GET', `/api/v1/activities?externalId=${encodeURIComponent('<m1@acme.com>')}`);
    await call('ann', 'GET', `/api/v1/activities/${ids.activity}`);
    await call('ann', 'DELETE', `/api/v1/activities/${ids.activity}`);

    // What the Gmail extension sends: capture of senders, emails, reminders and deal edits.
    await call('ann', 'POST', '/api/v1/capture/senders', { body: { name: 'Zoë', email: 'zoe@acme.com', company: 'Acme', domain: 'acme.com' } });
    const captured = { email: 'zoe@acme.com', messageId: '<c1@acme.com>', subject: 'Renewal', text: 'Hi' };
    await call('ann', 'POST', '/api/v1/capture/emails', { body: captured });
    await call('ann', 'POST', '/api/v1/capture/emails', { body: captured });
    await call('ann', 'POST', '/api/v1/capture/emails', { body: { email: 'who@nowhere.example', messageId: '<c2@x>' } });
    await call('ann', 'POST', '/api/v1/capture/reminders', { body: { title: 'Call Acme', due: 'tomorrow 9am', email: 'buyer@acme.com' } });
    await create('deal3', 'ann', '/api/v1/deals', { ...deal, title: 'Acme expansion' });
    await call('ann', 'POST', `/api/v1/capture/deals/${ids.deal3}/edit`, { body: { stageId: 'proposal', amount: { minor: 4500000, currency: 'EUR' } }, headers: { 'if-match': '"1"' } });
    await call('ann', 'POST', `/api/v1/capture/deals/${ids.deal3}/edit`, { body: { expectedCloseDate: '2027-01-31' }, headers: { 'if-match': '"1"' } });

    // Reminders.
    await create('reminder', 'ann', '/api/v1/reminders', { title: 'Call Jo', due: 'tomorrow 9am', accountId: ids.account });
    await create('reminder2', 'ann', '/api/v1/reminders', { title: 'Send deck', due: 'in 3 days' });
    await call('ann', 'GET', '/api/v1/reminders');
    await call('ann', 'GET', '/api/v1/reminders/due');
    await call('ann', 'GET', `/api/v1/reminders/${ids.reminder}`);
    await call('ann', 'PATCH', `/api/v1/reminders/${ids.reminder}`, { body: { title: 'Call Jo back' } });
    await call('ann', 'POST', `/api/v1/reminders/${ids.reminder}/snooze`, { body: { for: '1h' } });
    await call('ann', 'POST', `/api/v1/reminders/${ids.reminder}/complete`, { body: {}, headers: { 'idempotency-key': 'done-1' } });
    await call('ann', 'POST', `/api/v1/reminders/${ids.reminder}/complete`, { body: {}, headers: { 'idempotency-key': 'done-1' } });
    await call('ann', 'POST', `/api/v1/reminders/${ids.reminder2}/cancel`, { body: {} });
    await call('ann', 'POST', `/api/v1/reminders/${ids.reminder2}/cancel`, { body: {} });
    await call('ann', 'GET', '/api/v1/notices');

    // Logging addresses and "no reply" reminders.
    await call('ann', 'GET', '/api/v1/me/logging-address');
    await call('ann', 'POST', '/api/v1/me/logging-address/rotate', { body: {} });
    await call('ann', 'GET', '/api/v1/me/logging-address');
    await create('noReply', 'ann', '/api/v1/reminders', { due: 'in 3 days', awaitingReply: { messageId: '<offer-9@rapport.test>', threadId: '18c2f', email: 'waiting@nowhere.example' } });
    await call('ann', 'POST', '/api/v1/reminders', { body: { due: 'in 3 days', awaitingReply: { messageId: '<offer-9@rapport.test>' } } });

    // Analytics, campaigns, targets, settings.
    for (const path of ['/api/v1/pipeline', '/api/v1/forecast', '/api/v1/stage-times', '/api/v1/stale-deals', '/api/v1/funnel', '/api/v1/reports/activity', '/api/v1/segments', '/api/v1/churn-risks', '/api/v1/win-loss']) {
      await call('mia', 'GET', path);
    }
    await create('campaign', 'mia', '/api/v1/campaigns', { name: 'Spring webinar', channel: 'events', cost: { minor: 100000, currency: 'EUR' }, startDate: today });
    await call('mia', 'GET', '/api/v1/campaigns');
    await call('mia', 'GET', `/api/v1/campaigns/${ids.campaign}`);
    await call('mia', 'PATCH', `/api/v1/campaigns/${ids.campaign}`, { body: { name: 'Spring webinar 2' } });
    await call('mia', 'GET', `/api/v1/campaigns/${ids.campaign}/roi`);
    await create('target', 'mia', '/api/v1/targets', { userId: t.ids.ann, month, amount: { minor: 1000000, currency: 'EUR' } });
    await call('mia', 'GET', `/api/v1/targets?from=${month}&to=${month}`);
    await call('mia', 'GET', `/api/v1/targets/${ids.target}`);
    await call('mia', 'PATCH', `/api/v1/targets/${ids.target}`, { body: { amount: { minor: 2000000, currency: 'EUR' } } });
    await call('mia', 'GET', '/api/v1/analytics-settings/company');
    await call('admin', 'PATCH', '/api/v1/analytics-settings/company', { body: { staleFactor: 2 } });
    await call('ann', 'PATCH', '/api/v1/analytics-settings/company', { body: { staleFactor: 2 } });

    // Reporting currency and exchange rates.
    await call('ann', 'GET', '/api/v1/reporting-currency');
    await call('admin', 'PUT', '/api/v1/reporting-currency', { body: { currency: 'EUR' } });
    await call('admin', 'PUT', '/api/v1/exchange-rates/USD/2026-03-01', { body: { rate: '0.92' } });
    await call('ann', 'PUT', '/api/v1/exchange-rates/USD/2026-03-01', { body: { rate: '0.92' } });
    await call('admin', 'POST', '/api/v1/exchange-rates/import', { raw: 'currency,date,rate\nJPY,2026-03-01,0.0061\n', headers: { 'content-type': 'text/csv' } });
    await call('admin', 'POST', '/api/v1/exchange-rates/import', { raw: 'currency,date,rate\nJPY,2026-03-32,0.0061\n', headers: { 'content-type': 'text/csv' } });
    await call('ann', 'GET', '/api/v1/exchange-rates');
    await call('mia', 'GET', '/api/v1/pipeline');
    await call('mia', 'GET', `/api/v1/campaigns/${ids.campaign}/roi`);
    // Imports: upload and preview, run, progress, rejected rows.
    const csv = 'Record ID,Company name,Company Domain Name\n1,Import Test Ltd,import-test.example\n2,,\n';
    await create('importJob', 'admin', '/api/v1/imports', { files: [{ name: 'companies.csv', content: csv }] });
    await call('ann', 'POST', '/api/v1/imports', { body: { files: [{ name: 'companies.csv', content: csv }] } });
    await call('admin', 'POST', '/api/v1/imports', { body: { files: [{ name: 'people.csv', content: 'Who,Mail\nAnn,ann@x.example\n' }] } });
    await call('admin', 'POST', `/api/v1/imports/${ids.importJob}/run`);
    await call('admin', 'GET', `/api/v1/imports/${ids.importJob}`);
    await call('admin', 'GET', `/api/v1/imports/${ids.importJob}/rejected?limit=10`);

    // Deletions last.
    await call('mia', 'DELETE', `/api/v1/targets/${ids.target}`);
    await call('admin', 'DELETE', '/api/v1/exchange-rates/USD/2026-03-01');
    await call('mia', 'DELETE', `/api/v1/campaigns/${ids.campaign}`);
    await call('ann', 'DELETE', `/api/v1/deals/${ids.deal2}`);
    await call('ann', 'DELETE', `/api/v1/contacts/${ids.contact}`);
    await create('empty', 'ann', '/api/v1/accounts', { name: 'Empty Ltd' });
    await call('ann', 'DELETE', `/api/v1/accounts/${ids.empty}`);

    // The main failures of every operation: no token, an unknown or malformed record, a body that is not what it should be.
    for (const id of conformance.operationIds) {
      const [method, template] = conformance.operationOf(id);
      if (template === '/health' || template.endsWith('openapi.json')) continue;
      const path = template.replace('{teamId}', 'tm_unknown').replace('{id}', '01jf0000000000000000000000');
      await call(null, method, path);
      await call('ann', method, path.replace('01jf0000000000000000000000', 'not an id'));
      if (template.includes('{')) await call('ann', method, path, method === 'GET' || method === 'DELETE' ? {} : { body: {} });
      if (method === 'POST' || method === 'PATCH') await call('ann', method, template.includes('{') ? path : template, { raw: '{"unexpected": [1, 2' });
    }
    await call('ann', 'POST', '/api/v1/accounts', { raw: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }) });

    expect(conformance.mismatches).toEqual([]);
    const succeeded = new Set([...conformance.seen].filter((s) => /\s2\d\d$/.test(s)).map((s) => s.split(' ')[0]));
    expect(conformance.operationIds.filter((id) => !succeeded.has(id))).toEqual([]);
    const statuses = new Set([...conformance.seen].map((s) => Number(s.split(' ')[1])));
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 201, 204, 400, 401, 403, 404, 409, 412, 413]));
    // A walk over every operation: a minute, so a busy two-core machine does not cut it short.
  }, 60_000);

  it('catches an answer the document does not describe: a wrong body, an undeclared status or header', async () => {
    const document = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as Record<string, unknown>;
    const checker = new OpenApiConformance(document);
    const json = new Headers({ 'content-type': 'application/json', 'x-content-type-options': 'nosniff' });
    checker.check('GET', '/api/v1/me', 200, json, JSON.stringify({ user: 5 }));
    checker.check('GET', '/api/v1/me', 418, json, '{}');
    checker.check('GET', '/api/v1/me', 401, new Headers({ 'content-type': 'application/problem+json', 'x-content-type-options': 'nosniff' }), JSON.stringify({ type: 'x', title: 'x', status: 401, detail: 'x', code: 'unauthenticated' }));
    expect(checker.mismatches.map((m) => m.problem)).toEqual([expect.stringContaining('body:'), 'status 418 is not declared for me', 'declares www-authenticate as required but does not send it']);
  });
});
