// @vitest-environment happy-dom
import { aCustomField, aPipeline, aTeam, aUser } from '@rapport/core/testing';
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { HubApi } from '../api/hub-api.js';
import { FakeHub, testHost, until } from '../testing/fake-hub.js';
import { AppContext, type AppState } from '../ui/app-context.js';
import { Format } from '../ui/format.js';
import { FieldsView } from './fields-view.js';

const east = aTeam({ id: 'team_east', name: 'East' });
const ada = aUser({ id: 'usr_ada', name: 'Ada Admin', role: 'admin', teamId: null });
const mia = aUser({ id: 'usr_mia', name: 'Mia Manager', role: 'manager', teamId: east.id });
const region = aCustomField({ key: 'region', label: 'Region', type: 'single_select', showOnCard: true, options: [{ id: 'emea', label: 'EMEA' }, { id: 'apac', label: 'APAC' }] });

describe('the custom fields settings', () => {
  let root: HTMLElement;
  let hub: FakeHub;

  const show = (me = ada) => {
    const api = new HubApi('https://hub.test', async () => 'rpt_test', hub.fetch);
    const state: AppState = { api, host: testHost(), format: new Format('en-US'), me, teams: [east], pipeline: aPipeline(), filters: { teamId: null, repId: null, close: 'any' }, today: '2026-11-23', revision: 0, changed: () => undefined, openDeal: () => undefined, openAccount: () => undefined };
    render(
      <AppContext.Provider value={state}>
        <FieldsView />
      </AppContext.Provider>,
      root,
    );
  };
  const input = (name: string, value: string) => {
    const field = root.querySelector(`[name="${name}"]`) as HTMLInputElement;
    field.value = value;
    field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  };

  beforeEach(() => {
    document.body.innerHTML = '<div id="root"></div>';
    root = document.getElementById('root') as HTMLElement;
    const created: unknown[] = [];
    hub = new FakeHub()
      .on('GET /api/v1/custom-fields', (r: { query: URLSearchParams }) => ({ items: r.query.get('objectType') === 'deal' ? [region, ...created] : [] }))
      .on('POST /api/v1/custom-fields', (r: { body: Record<string, unknown> }) => {
        const field = aCustomField({ ...r.body, key: String(r.body['key']) });
        created.push(field);
        return { status: 201, body: field };
      });
  });

  it('lists the deal fields with their options, and lets an admin add a select with its options', async () => {
    show();
    await until(() => root.querySelector('[data-field="region"]') !== null, 'the deal fields');
    expect(root.querySelector('[data-field="region"]')?.textContent).toContain('single select: EMEA, APAC');
    input('label', 'Contract tier');
    input('key', 'contract_tier');
    input('type', 'single_select');
    await until(() => root.querySelector('[name="options"]') !== null, 'the options input');
    input('options', 'Gold, Silver');
    // Let Preact render the last input before the form is sent.
    await new Promise((resolve) => setTimeout(resolve, 0));
    (root.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await until(() => root.querySelector('[data-field="contract_tier"]') !== null, 'the new field in the list');
    const sent = hub.requests.find((r) => r.method === 'POST')?.body;
    expect(sent).toEqual({ objectType: 'deal', key: 'contract_tier', label: 'Contract tier', type: 'single_select', options: [{ id: 'gold', label: 'Gold' }, { id: 'silver', label: 'Silver' }], showOnCard: true });
    expect(root.textContent).toContain('Added Contract tier (contract_tier).');
  });

  it('shows a manager the fields without the form to add one', async () => {
    show(mia);
    await until(() => root.querySelector('[data-field="region"]') !== null, 'the deal fields');
    expect(root.querySelector('form')).toBeNull();
  });
});
