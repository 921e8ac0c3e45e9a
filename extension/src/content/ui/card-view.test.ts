// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { aCustomField, aDeal, anAccount } from '@rapport/core/testing';
import { renderCard } from './card-view.js';

const person = { name: 'Payroll', email: 'run@payroll.example' };

describe('a person\'s card', () => {
  it('says an address on the never-log list is never logged, instead of looking it up forever', () => {
    const { root } = renderCard(person, { email: person.email, card: null, savedAt: null, fresh: true, neverLogged: true });
    expect(root.textContent).toContain('Never logged: this address is on your never-log list.');
    expect(root.textContent).not.toContain('Looking up');
  });

  it('says it is looking up a person it has never seen, and that they are not in Rapport once the answer came', () => {
    expect(renderCard(person, { email: person.email, card: null, savedAt: null, fresh: false }).root.textContent).toContain('Looking up…');
    expect(renderCard(person, { email: person.email, card: null, savedAt: '2026-03-02T08:00:00.000Z', fresh: true }).root.textContent).toContain('Not in Rapport yet');
  });

  it('shows the card fields of the contact, the account and each open deal, with option labels and dates in the reader\'s locale', () => {
    const region = aCustomField({ key: 'region', label: 'Region', type: 'single_select', showOnCard: true, options: [{ id: 'emea', label: 'EMEA' }] });
    const end = aCustomField({ key: 'contract_end', label: 'Contract end', type: 'date', showOnCard: true });
    const tier = aCustomField({ objectType: 'account', key: 'tier', label: 'Tier', type: 'text', showOnCard: true });
    const hidden = aCustomField({ key: 'internal', label: 'Internal', type: 'text', showOnCard: false });
    const account = anAccount({ name: 'Acme', customFields: { tier: 'Gold' } });
    const deal = aDeal({ title: 'Renewal', accountId: account.id, customFields: { region: 'emea', contract_end: '2027-03-31', internal: 'secret' } });
    const card = { contact: null, account, openDeals: [{ deal, stageName: 'Lead', daysInStage: 2 }], lastActivities: [], openReminders: [], people: {}, matchedBy: 'domain', fieldDefinitions: [region, end, tier, hidden] };
    const { root, deals } = renderCard(person, { email: person.email, card, savedAt: '2026-03-02T08:00:00.000Z', fresh: true });
    const date = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2027-03-31T00:00:00Z'));
    expect(deals.get(deal.id)?.parentElement?.textContent).toContain(`RegionEMEAContract end${date}`);
    expect(root.textContent).toContain('TierGold');
    expect(root.textContent).not.toContain('secret');
  });
});
