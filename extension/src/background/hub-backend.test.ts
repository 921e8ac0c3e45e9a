import 'fake-indexeddb/auto';
import { CrmError } from '@rapport/core';
import { IdbCardCache, IdbOutbox, openSyncDb } from '@rapport/indexeddb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/protocol.js';
import type { CardView } from '../shared/views.js';
import { HubBackend } from './hub-backend.js';
import type { OutboxOp } from './outbox-ops.js';

/** A stand-in for the hub's REST API: one contact, one deal, and a log of what it was sent. */
function fakeHub() {
  const state = { online: true, loseNextAnswer: false, deal: { id: 'deal_1', title: 'Renewal', amount: { minor: 100, currency: 'EUR' }, stageId: 'demo', pipelineId: 'pipe_1', expectedCloseDate: null as string | null, status: 'open', version: 3, ownerId: 'usr_ann' } };
  const sent: Array<{ method: string; path: string; ifMatch: string | null; key: string | null; body: unknown }> = [];
  const seenKeys = new Map<string, Response>();
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const card = (): CardView => ({ contact: { id: 'con_1', name: 'Zoë', emails: ['zoe@acme.example'], title: null, phones: [] }, account: null, openDeals: [{ deal: { ...state.deal }, stageName: state.deal.stageId, daysInStage: 1 }], lastActivities: [], openReminders: [], people: {}, matchedBy: 'email' });
  const fetchFn = (async (input: string, init: RequestInit = {}) => {
    if (!state.online) throw new TypeError('Failed to fetch');
    const url = new URL(input);
    const headers = init.headers as Record<string, string>;
    const key = headers['idempotency-key'] ?? null;
    sent.push({ method: init.method ?? 'GET', path: url.pathname, ifMatch: headers['if-match'] ?? null, key, body: init.body ? JSON.parse(String(init.body)) : null });
    if (key && seenKeys.has(key)) return (seenKeys.get(key) as Response).clone();
    let answer: Response;
    if (url.pathname === '/api/v1/cards') answer = json(200, card());
    else if (url.pathname === '/api/v1/capture/deals/deal_1/edit') {
      if (headers['if-match'] !== `"${state.deal.version}"`) answer = json(412, { code: 'conflict', detail: 'This deal was changed by someone else (now version 4).' });
      else {
        const edit = JSON.parse(String(init.body)) as { stageId?: string; amount?: { minor: number; currency: string }; expectedCloseDate?: string };
        state.deal = { ...state.deal, ...edit, version: state.deal.version + 1 };
        answer = json(200, state.deal);
      }
    } else if (url.pathname === '/api/v1/capture/emails') answer = json(201, { activity: { id: 'act_1' }, created: true });
    else answer = json(404, { code: 'not_found', detail: 'No such endpoint.' });
    if (key) seenKeys.set(key, answer.clone());
    if (state.loseNextAnswer) {
      state.loseNextAnswer = false;
      throw new TypeError('The connection was reset');
    }
    return answer;
  }) as unknown as typeof fetch;
  return { state, sent, fetchFn };
}

let databases = 0;
async function setUp() {
  const hub = fakeHub();
  const db = await openSyncDb(`hub-backend-${(databases += 1)}`);
  const cache = new IdbCardCache(db);
  const outbox = new IdbOutbox<OutboxOp>(db);
  const backend = new HubBackend({ ...DEFAULT_SETTINGS, mode: 'hub', hubUrl: 'http://hub.test', token: 'rpt_test' }, cache, outbox, hub.fetchFn);
  return { hub, cache, outbox, backend };
}

describe('HubBackend sync', () => {
  it('keeps a change made offline, shows it on the cached card, and sends it with its version when the hub is back', async () => {
    const { hub, backend, outbox } = await setUp();
    await backend.freshCards(['zoe@acme.example']);
    hub.state.online = false;
    expect(await backend.updateDeal('deal_1', 3, { stageId: 'proposal' }, 'Move Renewal to Proposal')).toEqual({ queued: true });
    expect((await backend.outbox()).pending).toBe(1);
    const [cached] = await backend.cachedCards(['zoe@acme.example']);
    expect(cached?.card?.openDeals[0]?.deal.stageId).toBe('proposal');
    expect(await backend.sync()).toBe(false);

    hub.state.online = true;
    expect(await backend.sync()).toBe(true);
    expect(hub.state.deal).toMatchObject({ stageId: 'proposal', version: 4 });
    const stage = hub.sent.filter((s) => s.path.endsWith('/edit'));
    expect(stage).toHaveLength(1);
    expect(stage[0]).toMatchObject({ ifMatch: '"3"', key: (await outbox.list())[0]?.key ?? expect.any(String) });
    expect(await outbox.list()).toEqual([]);
  });

  it('sends every field changed in one save as one edit, and shows them all on the cached card while offline', async () => {
    const { hub, backend } = await setUp();
    await backend.freshCards(['zoe@acme.example']);
    hub.state.online = false;
    await backend.updateDeal('deal_1', 3, { stageId: 'proposal', amount: { minor: 4_500_000, currency: 'EUR' } }, 'Update Renewal');
    const [cached] = await backend.cachedCards(['zoe@acme.example']);
    expect(cached?.card?.openDeals[0]?.deal).toMatchObject({ stageId: 'proposal', amount: { minor: 4_500_000 } });
    hub.state.online = true;
    await backend.sync();
    expect(hub.state.deal).toMatchObject({ stageId: 'proposal', amount: { minor: 4_500_000, currency: 'EUR' }, version: 4 });
    expect(hub.sent.filter((s) => s.path.endsWith('/edit'))).toHaveLength(1);
  });

  it('sends a single-field change left in the outbox by an earlier version as an edit', async () => {
    const { hub, backend, outbox } = await setUp();
    await outbox.enqueue({ op: { kind: 'updateDeal', dealId: 'deal_1', version: 3, change: { kind: 'close', date: '2027-01-31' } }, label: 'Set Renewal close date' });
    expect(await backend.sync()).toBe(true);
    expect(hub.state.deal).toMatchObject({ expectedCloseDate: '2027-01-31', version: 4 });
  });

  it('reports a stale version at once when online, and keeps nothing in the outbox', async () => {
    const { backend, outbox } = await setUp();
    await expect(backend.updateDeal('deal_1', 2, { stageId: 'proposal' }, 'Move Renewal to Proposal')).rejects.toThrow(/changed by someone else/);
    await expect(backend.updateDeal('deal_1', 2, { stageId: 'proposal' }, 'x')).rejects.toBeInstanceOf(CrmError);
    expect(await outbox.list()).toEqual([]);
  });

  it('shows a change the hub refuses later, with its reason, until the rep dismisses it', async () => {
    const { hub, backend } = await setUp();
    hub.state.online = false;
    await backend.updateDeal('deal_1', 3, { stageId: 'proposal' }, 'Move Renewal to Proposal');
    hub.state.deal.version = 4; // someone else changed it meanwhile
    hub.state.online = true;
    await backend.sync();
    const { pending, refused } = await backend.outbox();
    expect(pending).toBe(0);
    expect(refused).toEqual([{ seq: expect.any(Number), label: 'Move Renewal to Proposal', message: expect.stringMatching(/changed by someone else/) }]);
    await backend.dismiss(refused[0]!.seq);
    expect((await backend.outbox()).refused).toEqual([]);
  });

  it('sends a change again with the same key when its answer was lost, so the hub applies it once', async () => {
    const { hub, backend } = await setUp();
    hub.state.loseNextAnswer = false;
    hub.state.online = true;
    // The card lookup answers; the activity's answer is lost on the way back.
    const lose = hub.fetchFn;
    let calls = 0;
    const flaky = (async (input: string, init?: RequestInit) => {
      calls += 1;
      if (String(input).includes('/capture/emails') && calls < 4) hub.state.loseNextAnswer = true;
      return lose(input, init);
    }) as unknown as typeof fetch;
    const db = await openSyncDb(`hub-backend-${(databases += 1)}`);
    const flakyBackend = new HubBackend({ ...DEFAULT_SETTINGS, mode: 'hub', hubUrl: 'http://hub.test', token: 'rpt_test' }, new IdbCardCache(db), new IdbOutbox<OutboxOp>(db), flaky);
    const input = { email: 'zoe@acme.example', gmailId: '18ff', messageId: '<a@b>', subject: 'Hi', occurredAt: null, participants: ['zoe@acme.example'], text: 'hello' };
    expect(await flakyBackend.logEmail(input)).toEqual({ queued: true });
    expect(await flakyBackend.sync()).toBe(true);
    const logs = hub.sent.filter((s) => s.path === '/api/v1/capture/emails');
    expect(logs).toHaveLength(2);
    expect(logs[0]?.key).toBe(logs[1]?.key);
    expect(await flakyBackend.logged(['18ff'])).toEqual(['18ff']);
    void backend;
  });
});
