import { RapportClient } from '@rapport/http';
import type { TestHub } from '@rapport/server/testing';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { useEngineHub } from '../support/engine-hub.js';

/**
 * An admin adds a "Contract end" date and a "Region" select to deals; reps fill them in; the
 * API filters and sorts deals by them, over real HTTP on each engine (values read back from
 * SQLite's JSON1 and PostgreSQL's jsonb through the indexes created with the fields).
 */
describe.each(ENGINES)('custom fields on deals over HTTP on $engine', ({ engine, available }) => {
  const hub = useEngineHub(engine, available);
  const client = (user: keyof TestHub['tokens']) => new RapportClient({ baseUrl: hub.url, token: hub.t.tokens[user] });

  it.skipIf(!available)('defines "Contract end" and "Region", and filters and sorts deals by them', async () => {
    const admin = client('admin');
    const ann = client('ann');
    await admin.call('createCustomField', { body: { objectType: 'deal', key: 'contract_end', label: 'Contract end', type: 'date', showOnCard: true } });
    const region = await admin.call('createCustomField', {
      body: { objectType: 'deal', key: 'region', label: 'Region', type: 'single_select', showOnCard: true, options: [{ id: 'emea', label: 'EMEA' }, { id: 'apac', label: 'APAC' }, { id: 'amer', label: 'Americas' }] },
    });
    const account = await ann.call('createAccount', { body: { name: 'Globex 環球' } });
    const deal = (title: string, customFields: Record<string, unknown>) =>
      ann.call('createDeal', { body: { title, accountId: account.id, amount: { minor: 1_000_00, currency: 'EUR' }, customFields } });
    await deal('Berlin renewal', { contract_end: '2027-03-31', region: 'emea' });
    await deal('東京 expansion', { contract_end: '2026-12-31', region: 'APAC' });
    await deal('Paris pilot', { contract_end: '2028-01-15', region: 'emea' });
    await deal('Lima first order', { region: 'Americas' });
    await deal('No fields yet', {});

    const titles = async (query: Record<string, unknown>) => (await client('bo').call('listDeals', { query })).items.map((d) => d.title);
    expect(await titles({ filter: { region: 'emea' } })).toEqual(['Berlin renewal', 'Paris pilot']);
    expect(await titles({ filter: { region: 'APAC,amer' } })).toEqual(['東京 expansion', 'Lima first order']);
    expect(await titles({ filter: { contract_end: { gte: '2027-01-01', lte: '2027-12-31' } } })).toEqual(['Berlin renewal']);
    expect(await titles({ filter: { region: 'emea', contract_end: { lte: '2027-12-31' } } })).toEqual(['Berlin renewal']);
    expect(await titles({ sort: 'contract_end' })).toEqual(['東京 expansion', 'Berlin renewal', 'Paris pilot', 'Lima first order', 'No fields yet']);
    expect(await titles({ sort: '-contract_end', filter: { region: 'emea' } })).toEqual(['Paris pilot', 'Berlin renewal']);

    const wrong = await client('bo').call('listDeals', { query: { filter: { region: 'mars' } } }).then(() => null, (error: unknown) => error);
    expect(wrong).toMatchObject({ code: 'invalid_input', issues: [{ path: 'filter[region]' }] });

    // Renaming an option keeps the deals that hold it.
    await admin.call('updateCustomField', { params: { id: region.id }, body: { options: [{ id: 'emea', label: 'Europe' }, { id: 'apac', label: 'APAC' }, { id: 'amer', label: 'Americas' }] } });
    expect(await titles({ filter: { region: 'Europe' } })).toEqual(['Berlin renewal', 'Paris pilot']);
  });
});
