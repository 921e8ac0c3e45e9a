import { beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

const csv = (text: string) => ({ body: text, headers: { 'content-type': 'text/csv' } });

describe('the reporting currency and exchange rates over REST', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await createTestHub();
  });

  it('lets an admin set the reporting currency and rates, and everyone read them', async () => {
    expect(await (await t.request('ann', 'GET', '/api/v1/reporting-currency')).json()).toEqual({ currency: null });
    expect((await t.request('mia', 'PUT', '/api/v1/reporting-currency', { body: { currency: 'EUR' } })).status).toBe(403);
    const wrong = await t.request('admin', 'PUT', '/api/v1/reporting-currency', { body: { currency: 'EURO' } });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: 'invalid_input', errors: [{ path: 'currency' }] });
    expect(await (await t.request('admin', 'PUT', '/api/v1/reporting-currency', { body: { currency: 'EUR' } })).json()).toEqual({ currency: 'EUR' });

    const put = await t.request('admin', 'PUT', '/api/v1/exchange-rates/USD/2026-03-01', { body: { rate: '0.92140' } });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ currency: 'USD', quote: 'EUR', date: '2026-03-01', rate: '0.9214' });
    const badDate = await t.request('admin', 'PUT', '/api/v1/exchange-rates/USD/2026-13-01', { body: { rate: '0.9' } });
    expect(badDate.status).toBe(400);
    expect(await badDate.json()).toMatchObject({ errors: [{ path: 'date' }] });
    const badRate = await t.request('admin', 'PUT', '/api/v1/exchange-rates/USD/2026-03-02', { body: { rate: '1e3' } });
    expect(await badRate.json()).toMatchObject({ status: 400, errors: [{ path: 'rate', message: expect.stringContaining('decimal') }] });
    expect((await t.request('ann', 'PUT', '/api/v1/exchange-rates/USD/2026-03-02', { body: { rate: '0.9' } })).status).toBe(403);

    expect(await (await t.request('ann', 'GET', '/api/v1/exchange-rates?currency=USD')).json()).toEqual({
      reportingCurrency: 'EUR',
      items: [{ currency: 'USD', quote: 'EUR', date: '2026-03-01', rate: '0.9214' }],
    });
    expect((await t.request('admin', 'DELETE', '/api/v1/exchange-rates/USD/2026-03-01')).status).toBe(204);
    expect((await t.request('admin', 'DELETE', '/api/v1/exchange-rates/USD/2026-03-01')).status).toBe(404);
  });

  it('imports a CSV file whole, and refuses one with bad lines naming each line, writing nothing', async () => {
    await t.request('admin', 'PUT', '/api/v1/reporting-currency', { body: { currency: 'EUR' } });
    const refused = await t.request('admin', 'POST', '/api/v1/exchange-rates/import', csv('\uFEFFcurrency,date,rate\nUSD,2026-03-01,0.92\nJPY,2026/03/01,0.0061\n\nKRW,2026-03-01,-1\nGBP,2026-03-01,1.17\n'));
    expect(refused.status).toBe(400);
    const problem = (await refused.json()) as { detail: string; errors: Array<{ path: string; message: string }> };
    expect(problem.detail).toMatch(/^No rates imported: 2 bad lines\. line 3: date:/);
    expect([...new Set(problem.errors.map((e) => e.path))]).toEqual(['line 3', 'line 5']);
    expect((await (await t.request('admin', 'GET', '/api/v1/exchange-rates')).json()).items).toEqual([]);

    const ragged = await t.request('admin', 'POST', '/api/v1/exchange-rates/import', csv('rate,currency,date\n0.92,USD\n'));
    expect(await ragged.json()).toMatchObject({ status: 400, errors: [{ path: 'line 2', message: expect.stringContaining('expected 3') }] });
    const header = await t.request('admin', 'POST', '/api/v1/exchange-rates/import', csv('code,day,rate\nUSD,2026-03-01,0.92\n'));
    expect(await header.json()).toMatchObject({ status: 400, detail: expect.stringContaining('missing currency, date; unknown code, day') });
    const quoted = await t.request('admin', 'POST', '/api/v1/exchange-rates/import', csv('currency,date,rate\n"USD,2026-03-01,0.92\n'));
    expect(await quoted.json()).toMatchObject({ status: 400, detail: expect.stringContaining('not valid CSV') });
    const json = await t.request('admin', 'POST', '/api/v1/exchange-rates/import', { body: { rows: [] } });
    expect(await json.json()).toMatchObject({ status: 400, detail: expect.stringContaining('text/csv') });

    const imported = await t.request('admin', 'POST', '/api/v1/exchange-rates/import', csv('Rate,Currency,Date\n0.0061,JPY,2026-03-01\n0.92,USD,2026-03-01\n'));
    expect(imported.status).toBe(200);
    expect(await imported.json()).toEqual({ imported: 2, currencies: ['JPY', 'USD'], reportingCurrency: 'EUR' });
    expect((await t.request('mia', 'POST', '/api/v1/exchange-rates/import', csv('currency,date,rate\nUSD,2026-03-01,0.9\n'))).status).toBe(403);
  });

  it('adds reporting totals to the reports, and says which amounts had no rate', async () => {
    const account = await (await t.request('ann', 'POST', '/api/v1/accounts', { body: { name: 'Acme' } })).json();
    await t.request('ann', 'POST', '/api/v1/deals', { body: { title: 'A', accountId: account.id, amount: { minor: 100_000, currency: 'USD' } } });
    await t.request('ann', 'POST', '/api/v1/deals', { body: { title: 'B', accountId: account.id, amount: { minor: 50_000, currency: 'KRW' } } });
    expect((await (await t.request('admin', 'GET', '/api/v1/pipeline?scope=all')).json()).reporting).toBeNull();
    await t.request('admin', 'PUT', '/api/v1/reporting-currency', { body: { currency: 'EUR' } });
    await t.request('admin', 'PUT', '/api/v1/exchange-rates/USD/2000-01-01', { body: { rate: '0.9' } });
    const board = await (await t.request('admin', 'GET', '/api/v1/pipeline?scope=all')).json();
    expect(board.reporting).toMatchObject({ currency: 'EUR', amountMinor: 90_000, missingRates: [{ currency: 'KRW', count: 1, amountMinor: 50_000 }] });
    for (const path of ['/api/v1/forecast?scope=all', '/api/v1/funnel?scope=all', '/api/v1/targets?scope=all&from=2026-01&to=2026-03']) {
      expect((await (await t.request('admin', 'GET', path)).json()).reporting).toMatchObject({ currency: 'EUR' });
    }
    expect((await (await t.request('admin', 'GET', '/api/v1/segments')).json()).ranking).toEqual({ currency: 'EUR', missingRates: [] });
  });

  it('declares the new operations and the reporting fields in the OpenAPI document', async () => {
    const doc = await (await t.request(null, 'GET', '/api/v1/openapi.json')).json();
    expect(doc.paths['/api/v1/exchange-rates/import'].post.requestBody.content['text/csv']).toBeDefined();
    expect(Object.keys(doc.paths['/api/v1/exchange-rates/{currency}/{date}'])).toEqual(['put', 'delete']);
    const board = doc.paths['/api/v1/pipeline'].get.responses['200'].content['application/json'].schema;
    expect(JSON.stringify(board.properties.reporting)).toContain('missingRates');
  });
});
