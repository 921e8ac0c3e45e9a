import { describe, expect, it } from 'vitest';
import { applyDealChange } from './optimistic.js';
import { isNeverLogged } from './never-log.js';
import { companyFromDomain, suggestAccount } from './suggest-account.js';
import type { CardView } from '../shared/views.js';

describe('the company for a new contact', () => {
  it('comes from the web domain, never from free mail or the rep\'s own company', () => {
    expect(suggestAccount('zoe@acme-robotics.co.uk', ['ann@rapport.test'])).toEqual({ domain: 'acme-robotics.co.uk', company: 'Acme Robotics' });
    for (const free of ['li.na@163.com', 'wang@qq.com', 'someone@gmail.com', 'x@outlook.com']) expect(suggestAccount(free, [])).toEqual({ domain: null, company: null });
    expect(suggestAccount('raj@rapport.test', ['ann@rapport.test'])).toEqual({ domain: null, company: null });
    expect(companyFromDomain('initech.example')).toBe('Initech');
  });
});

describe('the never-log list', () => {
  it('matches an address, its domain and subdomains, case-insensitively', () => {
    const settings = { neverLog: ['hr@rapport.test', 'family.example', '@payroll.example'] };
    expect(isNeverLogged(settings, 'HR@rapport.test')).toBe(true);
    expect(isNeverLogged(settings, 'mum@family.example')).toBe(true);
    expect(isNeverLogged(settings, 'bob@eu.payroll.example')).toBe(true);
    expect(isNeverLogged(settings, 'zoe@acme.example')).toBe(false);
    expect(isNeverLogged(settings, 'x@notfamily.example')).toBe(false);
  });
});

describe('an offline deal change on the cached card', () => {
  const card = {
    contact: null,
    account: null,
    openDeals: [{ deal: { id: 'deal_1', title: 'Renewal', amount: { minor: 100, currency: 'EUR' }, stageId: 'demo', pipelineId: 'pipe_1', expectedCloseDate: null, status: 'open', version: 3, ownerId: 'usr_1' }, stageName: 'Demo', daysInStage: 9 }],
    lastActivities: [],
    openReminders: [],
    people: {},
    matchedBy: 'email',
  } satisfies CardView;

  it('shows the new stage, amount or date, and drops a won or lost deal from the open ones', () => {
    expect(applyDealChange(card, 'deal_1', { kind: 'stage', stageId: 'proposal' })?.openDeals[0]).toMatchObject({ deal: { stageId: 'proposal' }, daysInStage: 0 });
    expect(applyDealChange(card, 'deal_1', { kind: 'amount', minor: 900, currency: 'EUR' })?.openDeals[0]?.deal.amount.minor).toBe(900);
    expect(applyDealChange(card, 'deal_1', { kind: 'close', date: '2027-01-31' })?.openDeals[0]?.deal.expectedCloseDate).toBe('2027-01-31');
    expect(applyDealChange(card, 'deal_1', { kind: 'win' })?.openDeals).toEqual([]);
    expect(applyDealChange(card, 'deal_other', { kind: 'win' })).toBeNull();
  });
});
