import { aContact, aCustomField, aDeal, anAccount, anActivity, aReminder } from '@rapport/core/testing';
import type { CustomerCard } from '@rapport/core';
import { describe, expect, it } from 'vitest';
import { checkBlockKit } from '../testing/block-kit-limits.js';
import { cardMessage } from './card.view.js';
import { homeView } from './home.view.js';

const ctx = { timeZone: 'Europe/Berlin', now: new Date('2026-03-02T08:00:00Z'), openUrl: (id: string) => `https://hub.example/slack/open/${id}` };
const long = (word: string) => `${word} ${'ünïcødé 华为 '.repeat(40)}`.slice(0, 200);

function bigCard(): CustomerCard {
  const account = anAccount({ name: long('<!here> Acme'), domains: ['acme.example'] });
  const contact = aContact({ name: long('Ann'), accountId: account.id, emails: ['ann@acme.example'], title: long('Chief') });
  return {
    contact,
    account,
    colleagues: [],
    openDeals: Array.from({ length: 30 }, (_, i) => ({ deal: aDeal({ title: long(`Deal ${i}`), accountId: account.id }), stageName: 'Proposal', daysInStage: i })),
    lastActivities: Array.from({ length: 10 }, () => anActivity({ subject: long('Call'), accountId: account.id })),
    openReminders: Array.from({ length: 12 }, () => aReminder({ title: long('Remind') })),
    people: {},
    matchedBy: 'email',
    fieldDefinitions: [],
  };
}

describe('the customer card in Slack', () => {
  it('stays within Block Kit limits with many long rows, and says how many were left out', () => {
    const message = cardMessage(bigCard(), ctx);
    expect(checkBlockKit(message)).toEqual([]);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('and 25 more deals');
    expect(text).toContain('and 5 more activities');
    expect(text).toContain('and 7 more reminders');
    expect(text).not.toContain('<!here>');
  });

  it('offers Log a note, Move stage, Remind me and Open in browser', () => {
    const actions = cardMessage(bigCard(), ctx).blocks.at(-1) as { elements: Array<{ text: { text: string }; url?: string }> };
    expect(actions.elements.map((e) => e.text.text)).toEqual(['Log a note', 'Move stage', 'Remind me', 'Open in browser']);
    expect(actions.elements[3]?.url).toMatch(/^https:\/\/hub\.example\/slack\/open\/con_/);
  });
});

describe('App Home', () => {
  it('stays within 100 blocks however full the day is', () => {
    const deal = { deal: aDeal(), stageName: 'Demo', daysInStage: 40, accountName: long('Acme') };
    const view = homeView({
      userId: 'usr_1',
      timeZone: 'UTC',
      today: '2026-03-02',
      due: Array.from({ length: 60 }, () => ({ reminder: aReminder({ title: long('Call') }), overdue: true, about: long('Ann') })),
      openDeals: Array.from({ length: 40 }, () => deal),
      openDealCount: 300,
      staleDeals: Array.from({ length: 40 }, () => deal),
    });
    expect(checkBlockKit({ view }, 'home')).toEqual([]);
    expect(JSON.stringify(view)).toContain('and 45 more reminders');
  });

  it('shows the card fields of the account and of each open deal, with option labels', () => {
    const region = aCustomField({ key: 'region', label: 'Region', type: 'single_select', showOnCard: true, options: [{ id: 'emea', label: 'EMEA' }] });
    const end = aCustomField({ key: 'contract_end', label: 'Contract end', type: 'date', showOnCard: true });
    const tier = aCustomField({ objectType: 'account', key: 'tier', label: 'Tier', type: 'text', showOnCard: true });
    const account = anAccount({ name: 'Acme', customFields: { tier: 'Gold' } });
    const deal = aDeal({ title: 'Renewal', accountId: account.id, customFields: { region: 'emea', contract_end: '2027-03-31' } });
    const card: CustomerCard = { contact: null, account, colleagues: [], openDeals: [{ deal, stageName: 'Lead', daysInStage: 2 }], lastActivities: [], openReminders: [], people: {}, matchedBy: 'domain', fieldDefinitions: [region, end, tier] };
    const text = JSON.stringify(cardMessage(card, { ...ctx, locale: 'en-US' }).blocks);
    expect(text).toContain('*Tier*\\nGold');
    expect(text).toContain('Renewal');
    expect(text).toContain(' · Region: EMEA · Contract end: Mar 31, 2027');
  });
});
