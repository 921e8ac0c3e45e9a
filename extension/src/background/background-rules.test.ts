import { describe, expect, it } from 'vitest';
import { applyDealEdit } from './optimistic.js';
import { isNeverLogged } from './never-log.js';
import type { CardView } from '../shared/views.js';

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

  it('shows the new stage, amount and date together, and drops a won or lost deal from the open ones', () => {
    expect(applyDealEdit(card, 'deal_1', { stageId: 'proposal', amount: { minor: 900, currency: 'EUR' }, expectedCloseDate: '2027-01-31' }, 'Proposal')?.openDeals[0]).toMatchObject({
      deal: { stageId: 'proposal', amount: { minor: 900 }, expectedCloseDate: '2027-01-31' },
      stageName: 'Proposal',
      daysInStage: 0,
    });
    expect(applyDealEdit(card, 'deal_1', { amount: { minor: 900, currency: 'EUR' } })?.openDeals[0]).toMatchObject({ stageName: 'Demo', daysInStage: 9 });
    expect(applyDealEdit(card, 'deal_1', { outcome: { status: 'won' } })?.openDeals).toEqual([]);
    expect(applyDealEdit(card, 'deal_other', { outcome: { status: 'won' } })).toBeNull();
  });
});
