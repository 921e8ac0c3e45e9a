// @vitest-environment happy-dom
import { aCustomField, aDeal, anAccount, aPipeline, aTeam, aUser } from '@rapport/core/testing';
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { HubApi } from '../../api/hub-api.js';
import { FakeHub, testHost, until } from '../../testing/fake-hub.js';
import { AppContext, type AppState } from '../../ui/app-context.js';
import { Format } from '../../ui/format.js';
import { DealPanel } from './deal-panel.js';

const east = aTeam({ id: 'team_east', name: 'East' });
const mia = aUser({ id: 'usr_mia', name: 'Mia Manager', role: 'manager', teamId: east.id });
const pipeline = aPipeline();
const acme = anAccount({ id: 'acc_acme', name: 'Acme' });
const region = aCustomField({ key: 'region', label: 'Region', type: 'single_select', showOnCard: true, position: 1, options: [{ id: 'emea', label: 'EMEA' }] });
const end = aCustomField({ key: 'contract_end', label: 'Contract end', type: 'date', showOnCard: true, position: 0 });
const budget = aCustomField({ key: 'budget', label: 'Budget', type: 'money', showOnCard: true, position: 2 });
const internal = aCustomField({ key: 'internal', label: 'Internal', type: 'text', showOnCard: false });
const deal = aDeal({ id: 'deal_acme', title: 'Acme renewal', accountId: acme.id, ownerId: mia.id, customFields: { region: 'emea', contract_end: '2027-03-31', budget: { minor: 1_234_550, currency: 'EUR' }, internal: 'not for cards' } });

describe('the deal panel', () => {
  let root: HTMLElement;

  const show = (locale: string) => {
    const hub = new FakeHub()
      .on('GET /api/v1/deals/{id}', deal)
      .on('GET /api/v1/deals/{id}/history', { items: [] })
      .on('GET /api/v1/activities', { items: [], nextCursor: null })
      .on('GET /api/v1/stage-times', { status: 403, body: { code: 'forbidden', detail: 'no' } })
      .on('GET /api/v1/accounts', { items: [acme], nextCursor: null })
      .on('GET /api/v1/users', { items: [mia], nextCursor: null })
      .on('GET /api/v1/custom-fields', { items: [end, region, budget, internal] });
    const api = new HubApi('https://hub.test', async () => 'rpt_test', hub.fetch);
    const state: AppState = { api, host: testHost({ locale }), format: new Format(locale), me: mia, teams: [east], pipeline, filters: { teamId: east.id, repId: null, close: 'any' }, today: '2026-11-23', revision: 0, changed: () => undefined, openDeal: () => undefined, openAccount: () => undefined };
    render(
      <AppContext.Provider value={state}>
        <DealPanel dealId={deal.id} onClose={() => undefined} />
      </AppContext.Provider>,
      root,
    );
  };

  beforeEach(() => {
    document.body.innerHTML = '<div id="root"></div>';
    root = document.getElementById('root') as HTMLElement;
  });

  it('shows the deal\'s card fields in position order, with option labels, money and dates in the reader\'s locale', async () => {
    show('de-DE');
    await until(() => root.querySelector('[data-section="fields"]') !== null, 'the deal\'s fields');
    const rows = Array.from(root.querySelectorAll('[data-field]')).map((row) => `${row.querySelector('dt')?.textContent}: ${row.querySelector('dd')?.textContent}`);
    expect(rows).toEqual(['Contract end: 31.03.2027', 'Region: EMEA', 'Budget: 12.345,5\u00a0€']);
    expect(root.textContent).not.toContain('not for cards');
  });
});
