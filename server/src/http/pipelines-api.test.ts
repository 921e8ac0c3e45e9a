import { beforeEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

describe('the pipelines API and sorted deal lists', () => {
  let t: TestHub;
  let accountId: string;

  beforeEach(async () => {
    t = await createTestHub();
    accountId = (await (await t.request('ann', 'POST', '/api/v1/accounts', { body: { name: 'Acme Corp', domains: ['acme.com'] } })).json()).id;
  });

  const createDeal = async (body: Record<string, unknown>) => (await t.request('ann', 'POST', '/api/v1/deals', { body: { accountId, ...body } })).json();

  it('lets a manager build the team pipeline with If-Match, and refuses a rep', async () => {
    const created = await t.request('mia', 'POST', '/api/v1/pipelines', { body: { name: 'East renewals', stages: [{ name: 'Intro', probability: 10 }, { name: 'Pilot', probability: 50 }, { name: 'Signed', probability: 100, outcome: 'won' }] } });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const pipeline = await created.json();
    expect(pipeline.stages.map((s: { id: string }) => s.id)).toEqual(['intro', 'pilot', 'signed']);
    const added = await t.request('mia', 'POST', `/api/v1/pipelines/${pipeline.id}/stages`, { body: { name: 'Proposal', probability: 70, position: 2 }, headers: { 'if-match': '"1"' } });
    expect(added.status).toBe(200);
    expect(added.headers.get('etag')).toBe('"2"');
    const stale = await t.request('mia', 'PATCH', `/api/v1/pipelines/${pipeline.id}`, { body: { name: 'Old view' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    const renamedStage = await t.request('mia', 'PATCH', `/api/v1/pipelines/${pipeline.id}/stages/pilot`, { body: { name: 'Paid pilot' } });
    expect((await renamedStage.json()).stages.map((s: { id: string; name: string }) => `${s.id}:${s.name}`)).toEqual(['intro:Intro', 'pilot:Paid pilot', 'proposal:Proposal', 'signed:Signed']);
    const order = await t.request('mia', 'POST', `/api/v1/pipelines/${pipeline.id}/stages/order`, { body: { stageIds: ['intro', 'proposal', 'pilot', 'signed'] } });
    expect((await order.json()).version).toBe(4);
    const rep = await t.request('ann', 'PATCH', `/api/v1/pipelines/${pipeline.id}`, { body: { name: 'Mine' } });
    expect(rep.status).toBe(403);
    const westTeam = (await (await t.request('bo', 'GET', '/api/v1/me')).json()).team.id;
    const forWest = await (await t.request('bo', 'GET', `/api/v1/pipelines?teamId=${westTeam}`)).json();
    expect(forWest.items.map((p: { name: string }) => p.name)).toEqual(['Sales']);
    const listed = await (await t.request('bo', 'GET', '/api/v1/pipelines')).json();
    expect(listed.items.map((p: { name: string }) => p.name)).toEqual(['Sales', 'East renewals']);
  });

  it('answers 409 with the deal count when a stage with deals is removed, and moves them when told where', async () => {
    const sales = (await (await t.request('ann', 'GET', '/api/v1/pipelines')).json()).items[0];
    const deal = await createDeal({ title: 'In demo', amount: { minor: 100, currency: 'EUR' }, stageId: 'demo' });
    const refused = await t.request('admin', 'DELETE', `/api/v1/pipelines/${sales.id}/stages/demo`);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({ code: 'conflict', detail: expect.stringContaining('holds 1 deal. Send moveDealsTo'), details: { dealCount: 1 } });
    const removed = await t.request('admin', 'DELETE', `/api/v1/pipelines/${sales.id}/stages/demo?moveDealsTo=proposal`);
    expect(removed.status).toBe(200);
    expect((await removed.json()).stages.map((s: { id: string }) => s.id)).toEqual(['lead', 'qualified', 'proposal', 'negotiation']);
    const history = await (await t.request('ann', 'GET', `/api/v1/deals/${deal.id}/history`)).json();
    expect(history.items.at(-1)).toMatchObject({ fromStageId: 'demo', stageId: 'proposal', pipelineId: sales.id });
    const badTarget = await t.request('admin', 'DELETE', `/api/v1/pipelines/${sales.id}/stages/lead?moveDealsTo=Not%20a%20slug`);
    expect(badTarget.status).toBe(400);
  });

  it('moves a deal to another pipeline with PATCH, recorded in its history', async () => {
    const east = await (await t.request('mia', 'POST', '/api/v1/pipelines', { body: { name: 'East renewals' } })).json();
    const deal = await createDeal({ title: 'Mover', amount: { minor: 100, currency: 'EUR' } });
    const moved = await t.request('ann', 'PATCH', `/api/v1/deals/${deal.id}`, { body: { pipelineId: east.id, stageId: 'proposal' }, headers: { 'if-match': '"1"' } });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ pipelineId: east.id, stageId: 'proposal', probability: 60, version: 2 });
    const history = await (await t.request('ann', 'GET', `/api/v1/deals/${deal.id}/history`)).json();
    expect(history.items.at(-1)).toMatchObject({ fromPipelineId: deal.pipelineId, pipelineId: east.id, fromStageId: 'lead', stageId: 'proposal' });
    expect((await t.request('mia', 'DELETE', `/api/v1/pipelines/${east.id}`)).status).toBe(409);
  });

  it('sorts deals biggest first and closing soonest, pages them, and says what to send for an unknown sort', async () => {
    for (const [title, minor, close] of [['Small', 100, '2026-06-01'], ['Big', 900_000, null], ['Mid', 5_000, '2026-04-01'], ['Also mid', 5_000, '2026-05-01']] as const) {
      await createDeal({ title, amount: { minor, currency: 'EUR' }, expectedCloseDate: close });
    }
    const titles = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await (await t.request('ann', 'GET', `/api/v1/deals?limit=3&${query}${cursor ? `&cursor=${cursor}` : ''}`)).json();
        seen.push(...page.items.map((d: { title: string }) => d.title));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await titles('sort=-amount')).toEqual(['Big', 'Also mid', 'Mid', 'Small']);
    expect(await titles('sort=expectedCloseDate')).toEqual(['Mid', 'Also mid', 'Small', 'Big']);
    expect(await titles('sort=title')).toEqual(['Also mid', 'Big', 'Mid', 'Small']);
    const unknown = await t.request('ann', 'GET', '/api/v1/deals?sort=-size');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errors: [{ path: 'sort', message: expect.stringContaining('amount, expectedCloseDate, daysInStage, lastActivityAt, createdAt, title') }] });
  });
});
