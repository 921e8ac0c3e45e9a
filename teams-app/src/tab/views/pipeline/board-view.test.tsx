// @vitest-environment happy-dom
import { aDeal, anAccount, aPipeline, aTeam, aUser } from '@rapport/core/testing';
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { HubApi } from '../../api/hub-api.js';
import { FakeHub, testHost, until } from '../../testing/fake-hub.js';
import { AppContext, type AppState } from '../../ui/app-context.js';
import { Format } from '../../ui/format.js';
import { BoardView } from './board-view.js';

const east = aTeam({ id: 'team_east', name: 'East' });
const mia = aUser({ id: 'usr_mia', name: 'Mia Manager', role: 'manager', teamId: east.id });
const ann = aUser({ id: 'usr_ann', name: '李娜', role: 'rep', teamId: east.id });
const pipeline = aPipeline();
const acme = anAccount({ id: 'acc_acme', name: 'Acme <b>GmbH</b>' });
const lead = aDeal({ id: 'deal_lead', title: 'Acme pilot', accountId: acme.id, ownerId: ann.id, stageId: 'lead', version: 3, amount: { minor: 4_800_000, currency: 'EUR' }, expectedCloseDate: '2026-12-15' });
const demo = aDeal({ id: 'deal_demo', title: 'Acme rollout', accountId: acme.id, ownerId: mia.id, stageId: 'demo', amount: { minor: 80_000, currency: 'JPY' } });

const column = (stageId: string, count: number, byCurrency: Array<{ currency: string; count: number; amountMinor: number; weightedMinor: number }> = []) => ({ stageId, stageName: pipeline.stages.find((s) => s.id === stageId)?.name, probability: 10, count, byCurrency });
const report = {
  scope: { kind: 'team', id: east.id, name: 'East' },
  closeFrom: null,
  closeTo: null,
  board: {
    pipelineId: pipeline.id,
    pipelineName: pipeline.name,
    stages: [column('lead', 1, [{ currency: 'EUR', count: 1, amountMinor: 4_800_000, weightedMinor: 480_000 }]), column('qualified', 0), column('demo', 1, [{ currency: 'JPY', count: 1, amountMinor: 80_000, weightedMinor: 32_000 }]), column('proposal', 0), column('negotiation', 0)],
    totals: [{ currency: 'EUR', count: 1, amountMinor: 4_800_000, weightedMinor: 480_000 }, { currency: 'JPY', count: 1, amountMinor: 80_000, weightedMinor: 32_000 }],
    count: 2,
    staleDeals: [],
  },
};

describe('pipeline board', () => {
  let hub: FakeHub;
  let root: HTMLElement;
  let opened: string[];

  const show = (me = mia) => {
    const api = new HubApi('https://hub.test', async () => 'rpt_test', hub.fetch);
    const state: AppState = { api, host: testHost(), format: new Format('en-US'), me, teams: [east], pipeline, filters: { teamId: east.id, repId: null, close: 'any' }, today: '2026-11-23', revision: 0, changed: () => undefined, openDeal: (id) => opened.push(id), openAccount: () => undefined };
    render(
      <AppContext.Provider value={state}>
        <BoardView />
      </AppContext.Provider>,
      root,
    );
  };
  const ready = () => until(() => root.querySelector('.board-view[data-ready="true"] .deal-card') !== null && root.querySelector('.deal-account.pending') === null, 'the board and its account names');

  beforeEach(() => {
    document.body.innerHTML = '<div id="root"></div>';
    root = document.getElementById('root') as HTMLElement;
    opened = [];
    hub = new FakeHub()
      .on('GET /api/v1/pipeline', report)
      .on('GET /api/v1/stale-deals', { deals: [{ deal: lead }] })
      .on('GET /api/v1/users', { items: [mia, ann], nextCursor: null })
      .on('GET /api/v1/accounts', { items: [acme], nextCursor: null })
      .on('GET /api/v1/deals', (r: { query: URLSearchParams }) => ({ items: [lead, demo].filter((d) => d.stageId === r.query.get('stageId')), nextCursor: null }));
  });

  it('draws a column per stage with its count and amounts per currency, and the deals as cards', async () => {
    show();
    await ready();
    const columns = Array.from(root.querySelectorAll('.column'));
    expect(columns.map((c) => c.getAttribute('data-stage'))).toEqual(['lead', 'qualified', 'demo', 'proposal', 'negotiation']);
    expect(columns.map((c) => c.querySelector('.count')?.textContent)).toEqual(['1', '0', '1', '0', '0']);
    expect(root.querySelector('.column[data-stage="lead"] .column-amount')?.textContent).toBe('€48,000≈ €4,800');
    const card = root.querySelector('.deal-card[data-deal="deal_lead"]');
    expect(card?.querySelector('.deal-account')?.textContent).toBe('Acme <b>GmbH</b>');
    expect(card?.querySelector('b')).toBeNull();
    expect(card?.querySelector('.deal-amount')?.textContent).toBe('€48,000');
    expect(card?.querySelector('.deal-close')?.textContent).toBe('Dec 15');
    expect(card?.querySelector('.deal-owner')?.textContent).toBe('李李娜');
    expect(card?.querySelector('.stale-badge')).not.toBeNull();
    expect(root.querySelector('.deal-card[data-deal="deal_demo"] .stale-badge')).toBeNull();
    expect(root.querySelector('.board-totals')?.textContent).toContain('¥80,000');
  });

  it('lists open deals of the team\'s people for each stage, in Teams\' name', async () => {
    show();
    await ready();
    const lists = hub.seen('GET /api/v1/deals');
    expect(lists.map((r) => r.query.get('stageId'))).toEqual(['lead', 'qualified', 'demo', 'proposal', 'negotiation']);
    expect(lists[0]?.query.get('ownerId')).toBe('usr_mia,usr_ann');
    expect(lists[0]?.query.get('status')).toBe('open');
    expect(lists[0]?.headers['x-rapport-surface']).toBe('teams');
    const named = hub.seen('GET /api/v1/accounts');
    expect(named).toHaveLength(1);
    expect(named[0]?.query.get('ids')).toBe('acc_acme');
  });

  it('moves a deal from its menu with the version it showed, then draws the board again', async () => {
    hub.on('POST /api/v1/deals/{id}/stage', (r: { body: unknown }) => ({ ...lead, stageId: (r.body as { stageId: string }).stageId, version: 4 }));
    show();
    await ready();
    (root.querySelector('.deal-card[data-deal="deal_lead"] button[aria-haspopup="menu"]') as HTMLButtonElement).click();
    await until(() => root.querySelector('[role="menuitem"][data-stage="demo"]') !== null, 'the menu');
    (root.querySelector('[role="menuitem"][data-stage="demo"]') as HTMLButtonElement).click();
    await until(() => root.querySelector('.note.ok') !== null, 'the confirmation');
    const [move] = hub.seen('POST /api/v1/deals/deal_lead/stage');
    expect(move?.body).toEqual({ stageId: 'demo' });
    expect(move?.headers['if-match']).toBe('"3"');
    expect(root.querySelector('.note.ok')?.textContent).toBe('Acme pilot moved to Demo.');
    await until(() => hub.seen('GET /api/v1/pipeline').length === 2, 'the board to load again');
  });

  it('says when the deal changed since the board loaded, and loads the board again', async () => {
    hub.on('POST /api/v1/deals/{id}/stage', { status: 412, body: { type: 'x', title: 'Precondition failed', status: 412, code: 'conflict', detail: 'deal_lead changed since version 3.', details: { reason: 'version_mismatch' } } });
    show();
    await ready();
    (root.querySelector('.deal-card[data-deal="deal_lead"] button[aria-haspopup="menu"]') as HTMLButtonElement).click();
    await until(() => root.querySelector('[role="menuitem"][data-stage="proposal"]') !== null, 'the menu');
    (root.querySelector('[role="menuitem"][data-stage="proposal"]') as HTMLButtonElement).click();
    await until(() => root.querySelector('.note.error') !== null, 'the refusal');
    expect(root.querySelector('.note.error')?.textContent).toContain('Someone changed this deal since you loaded it');
    await until(() => hub.seen('GET /api/v1/pipeline').length === 2, 'the board to load again');
  });

  it('opens a deal when its card is clicked', async () => {
    show();
    await ready();
    (root.querySelector('.deal-card[data-deal="deal_demo"] .deal-open') as HTMLButtonElement).click();
    expect(opened).toEqual(['deal_demo']);
  });

  it('orders each column stale first, then as the manager picks, and remembers the pick in the tab', async () => {
    localStorage.clear();
    const fresh = aDeal({ id: 'deal_big', title: 'Acme expansion', accountId: acme.id, ownerId: ann.id, stageId: 'lead', amount: { minor: 9_900_000, currency: 'EUR' }, stageEnteredAt: '2026-11-20T09:00:00.000Z' });
    const old = { ...lead, stageEnteredAt: '2026-09-01T09:00:00.000Z' };
    // The stand-in hub sorts as the hub does for the two orders this test picks.
    const sorts: Record<string, (a: typeof lead, b: typeof lead) => number> = {
      '-daysInStage': (a, b) => a.stageEnteredAt.localeCompare(b.stageEnteredAt),
      '-amount': (a, b) => b.amount.minor - a.amount.minor,
    };
    hub.on('GET /api/v1/deals', (r: { query: URLSearchParams }) => ({ items: [old, fresh, demo].filter((d) => d.stageId === r.query.get('stageId')).sort(sorts[r.query.get('sort') ?? ''] ?? (() => 0)), nextCursor: null }));
    const leadColumn = () => Array.from(root.querySelectorAll('.column[data-stage="lead"] .deal-card')).map((c) => c.getAttribute('data-deal'));
    show();
    await ready();
    expect(leadColumn()).toEqual(['deal_lead', 'deal_big']);
    const select = root.querySelector('select[name="order"]') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['Stale first', 'Biggest first', 'Closing soonest', 'Least recent activity', 'Newest first']);
    select.value = 'biggest';
    select.dispatchEvent(new Event('change'));
    await until(() => leadColumn()[0] === 'deal_big', 'the biggest deal on top');
    expect(leadColumn()).toEqual(['deal_big', 'deal_lead']);
    expect(hub.seen('GET /api/v1/deals').at(-1)?.query.get('sort')).toBe('-amount');
    render(null, root);
    show();
    await ready();
    expect((root.querySelector('select[name="order"]') as HTMLSelectElement).value).toBe('biggest');
    expect(leadColumn()).toEqual(['deal_big', 'deal_lead']);
  });

  it('lets a rep move their own deal, and offers no move on a colleague\'s', async () => {
    show(ann);
    await ready();
    const own = root.querySelector('.deal-card[data-deal="deal_lead"]');
    const colleague = root.querySelector('.deal-card[data-deal="deal_demo"]');
    expect(own?.getAttribute('draggable')).toBe('true');
    expect(own?.querySelector('button[aria-haspopup="menu"]')).not.toBeNull();
    expect(colleague?.getAttribute('draggable')).not.toBe('true');
    expect(colleague?.querySelector('button[aria-haspopup="menu"]')).toBeNull();
  });
});
