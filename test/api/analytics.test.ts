import { ManualClock } from '@rapport/core';
import { RapportClient } from '@rapport/http';
import { createTestHub, type TestHub } from '@rapport/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabaseHandle } from '../support/databases.js';

const DAY = 86_400_000;
const D0 = Date.parse('2026-03-02T08:00:00.000Z');
const day = (n: number): Date => new Date(D0 + n * DAY);
const usd = (minor: number) => ({ minor, currency: 'USD' });

/**
 * The analytics endpoints over real HTTP on each engine, with a small company worked by hand
 * (the test hub's people: Mia manages East with Ann in Berlin and Raj in Shanghai):
 *   day 0  Mia runs the "Spring webinar" (USD 10,000) and sets Ann's March target, USD 100,000.
 *          Ann opens Acme: platform USD 40,000 (from the webinar), renewal USD 30,000 in Negotiation
 *          closing Mar 20, pilot USD 20,000 in Proposal closing Mar 25, support EUR 5,000; emails them.
 *          Raj opens 华为技术: CNY 80,000 in Demo.
 *   day 1  Ann moves the platform to Qualified, loses support on price to Initech, calls.
 *   day 2  Ann wins the platform.   day 3  Raj wins his deal.   day 4  the reports are read.
 */
describe.each(ENGINES)('analytics over HTTP on $engine', ({ engine, available }) => {
  let database: TestDatabaseHandle;
  let t: TestHub;
  let url: string;
  const clock = new ManualClock(day(0));
  const ids = { campaign: '', platform: '', renewal: '', pilot: '', support: '', huawei: '' };
  const client = (user: keyof TestHub['tokens']) => new RapportClient({ baseUrl: url, token: t.tokens[user] });

  beforeAll(async () => {
    if (!available) return;
    database = await freshDatabase(engine);
    t = await createTestHub({ store: await database.open(), config: { port: 0 }, clock });
    url = (await t.hub.listen()).url;
    const [mia, ann, raj] = [client('mia'), client('ann'), client('raj')];
    ids.campaign = (await mia.call('createCampaign', { body: { name: 'Spring webinar', channel: 'events', cost: usd(1_000_000), startDate: '2026-03-01' } })).id;
    await mia.call('createTarget', { body: { userId: t.ids.ann, month: '2026-03', amount: usd(10_000_000) } });
    const acme = await ann.call('createAccount', { body: { name: 'Acme' } });
    const deal = (title: string, body: Record<string, unknown>) => ann.call('createDeal', { body: { title, accountId: acme.id, ...body } as never });
    ids.platform = (await deal('Acme platform', { amount: usd(4_000_000), campaignId: ids.campaign })).id;
    ids.renewal = (await deal('Acme renewal', { amount: usd(3_000_000), stageId: 'negotiation', expectedCloseDate: '2026-03-20' })).id;
    ids.pilot = (await deal('Acme pilot', { amount: usd(2_000_000), stageId: 'proposal', expectedCloseDate: '2026-03-25' })).id;
    ids.support = (await deal('Acme support', { amount: { minor: 500_000, currency: 'EUR' } })).id;
    await ann.call('logActivity', { body: { type: 'email', accountId: acme.id } });
    const huawei = await raj.call('createAccount', { body: { name: '华为技术' } });
    ids.huawei = (await raj.call('createDeal', { body: { title: '华为 rollout', accountId: huawei.id, amount: { minor: 8_000_000, currency: 'CNY' }, stageId: 'demo' } })).id;
    clock.set(day(1));
    await ann.call('moveDealStage', { params: { id: ids.platform }, body: { stageId: 'qualified' } });
    await ann.call('loseDeal', { params: { id: ids.support }, body: { reason: 'Price', competitor: 'Initech' } });
    await ann.call('logActivity', { body: { type: 'call', accountId: acme.id } });
    clock.set(day(2));
    await ann.call('winDeal', { params: { id: ids.platform }, body: {} });
    clock.set(day(3));
    await raj.call('winDeal', { params: { id: ids.huawei }, body: {} });
    clock.set(day(4));
  });
  afterAll(async () => {
    await t?.hub.close();
    await database?.drop();
  });

  it.skipIf(!available)('forecasts Ann\'s March: won, commit, best case and weighted pipeline against her target, and what changed', async () => {
    const forecast = await client('ann').call('forecast', { query: { period: 'month' } });
    expect(forecast.range).toMatchObject({ firstDay: '2026-03-01', lastDay: '2026-03-31', timeZone: 'Europe/Berlin' });
    // Won 40k; commit adds the 80% renewal (30k); best case adds the pilot too; weighted 30k × 80% + 20k × 60%.
    expect(forecast.total.figures).toEqual([
      expect.objectContaining({ currency: 'USD', closedWonMinor: 4_000_000, commitMinor: 7_000_000, bestCaseMinor: 9_000_000, weightedPipelineMinor: 3_600_000, targetMinor: 10_000_000, attainment: 0.4 }),
    ]);
    expect(forecast.changes.filter((c) => c.kind !== 'created').map((c) => [c.dealTitle, c.kind])).toEqual([
      ['Acme platform', 'won'],
      ['Acme platform', 'stage_moved'],
      ['Acme support', 'lost'],
    ]);
    const team = await client('mia').call('forecast', { query: {} });
    expect(team.reps.map((r) => [r.name, r.figures.map((f) => `${f.currency} ${f.closedWonMinor}`)])).toEqual([
      ['Ann', ['USD 4000000']],
      ['Raj', ['CNY 8000000']],
    ]);
  });

  it.skipIf(!available)('shows the pipeline board and time in stage from the stage history', async () => {
    const board = await client('ann').call('pipelineBoard', { query: {} });
    expect(board.board.stages.filter((s) => s.count > 0).map((s) => [s.stageName, s.byCurrency])).toEqual([
      ['Proposal', [{ currency: 'USD', count: 1, amountMinor: 2_000_000, weightedMinor: 1_200_000 }]],
      ['Negotiation', [{ currency: 'USD', count: 1, amountMinor: 3_000_000, weightedMinor: 2_400_000 }]],
    ]);
    expect(board.board.staleDeals).toEqual([]);
    const times = await client('ann').call('stageTimes', { query: { dealId: ids.platform } });
    expect(times.deal?.stages.map((s) => [s.stageName, s.days])).toEqual([
      ['Lead', 1],
      ['Qualified', 1],
    ]);
    // Lead: the platform and the lost support deal, a day each; Qualified: the platform.
    expect(times.stages.filter((s) => s.deals > 0).map((s) => [s.stageName, s.deals, s.averageDays, s.medianDays])).toEqual([
      ['Lead', 2, 1, 1],
      ['Qualified', 1, 1, 1],
    ]);
    // Fewer than five deals behind any median: nothing can be called stale yet.
    expect((await client('mia').call('staleDeals', { query: {} })).deals).toEqual([]);
  });

  it.skipIf(!available)('converts the funnel, breaks down losses and weighs the campaign', async () => {
    const funnel = await client('ann').call('funnel', { query: {} });
    expect(funnel.stages.map((s) => [s.stageName, s.reached, s.toNext])).toEqual([
      ['Lead', 2, 0.5],
      ['Qualified', 1, 1],
      ['Demo', 1, 1],
      ['Proposal', 1, 1],
      ['Negotiation', 1, null],
    ]);
    // 2 open USD deals × 50% × USD 40,000 ÷ 2 days.
    expect(funnel).toMatchObject({ won: 1, lost: 1, winRate: 0.5, averageCycleDays: 2, byCurrency: [{ currency: 'USD', velocityMinorPerDay: 2_000_000 }] });
    const winLoss = await client('mia').call('winLoss', { query: {} });
    expect(winLoss.reasons).toEqual([{ reason: 'Price', count: 1, byCurrency: [{ currency: 'EUR', count: 1, amountMinor: 500_000 }] }]);
    expect(winLoss.competitors.map((c) => c.competitor)).toEqual(['Initech']);
    const roi = await client('mia').call('campaignRoi', { params: { id: ids.campaign } });
    expect(roi).toMatchObject({ roi: 3, pipelineToCost: 0, byCurrency: [{ currency: 'USD', deals: 1, wonMinor: 4_000_000 }] });
  });

  it.skipIf(!available)('reports each rep\'s week, segments buying accounts, and finds no churn risk in a new company', async () => {
    const week = await client('mia').call('activityReport', { query: { period: 'week' } });
    expect(week.range).toMatchObject({ firstDay: '2026-03-02', lastDay: '2026-03-08' });
    const ann = week.reps.find((r) => r.name === 'Ann');
    expect(ann).toMatchObject({
      activities: { email: 1, call: 1, total: 2 },
      accountsCreated: 1,
      dealsCreated: { count: 4, byCurrency: [{ currency: 'EUR', count: 1, amountMinor: 500_000 }, { currency: 'USD', count: 3, amountMinor: 9_000_000 }] },
      dealsMoved: { count: 1 },
      dealsWon: { count: 1, byCurrency: [{ currency: 'USD', count: 1, amountMinor: 4_000_000 }] },
      dealsLost: { count: 1, byCurrency: [{ currency: 'EUR', count: 1, amountMinor: 500_000 }] },
    });
    expect(week.reps.map((r) => r.name)).toEqual(['Ann', 'Mia', 'Raj']);
    // Two buying accounts, both within the month (recency 5 by age, however close their orders):
    // a first purchase lately is "new" for both, never "hibernating" for the one that bought a day earlier.
    const segments = await client('admin').call('segments', { query: { segment: 'new' } });
    expect(segments.segments.filter((s) => s.accounts > 0).map((s) => [s.segment, s.accounts])).toEqual([['new', 2]]);
    expect(segments.accounts.map((a) => [a.accountName, a.recency]).sort()).toEqual([['Acme', 5], ['华为技术', 5]]);
    expect((await client('admin').call('churnRisks', { query: {} })).risks).toEqual([]);
  });

  it.skipIf(!available)('lets a manager tune the commit threshold for the team, and lists targets', async () => {
    const east = (await client('mia').call('me', {})).user.teamId ?? '';
    await expect(client('ann').call('updateAnalyticsSettings', { params: { teamId: east }, body: { commitThreshold: 60 } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await client('mia').call('updateAnalyticsSettings', { params: { teamId: east }, body: { commitThreshold: 60 } })).toMatchObject({ commitThreshold: 60, source: 'team' });
    const forecast = await client('ann').call('forecast', { query: {} });
    expect(forecast.total.figures[0]).toMatchObject({ commitMinor: 9_000_000 });
    await client('mia').call('updateAnalyticsSettings', { params: { teamId: east }, body: { commitThreshold: 80 } });
    expect((await client('ann').call('listTargets', { query: { from: '2026-01', to: '2026-12' } })).items.map((x) => [x.month, x.amount])).toEqual([['2026-03', usd(10_000_000)]]);
  });

  it.skipIf(!available)('refuses what the asker may not see, and bad parameters with the field to fix', async () => {
    await expect(client('ann').call('forecast', { query: { scope: 'team' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(client('bo').call('activityReport', { query: { scope: t.ids.ann } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(client('ann').call('campaignRoi', { params: { id: ids.campaign } })).rejects.toMatchObject({ code: 'forbidden' });
    const bad = await t.request('ann', 'GET', '/api/v1/reports/activity?period=fortnight&date=2026-02-30');
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: Array<{ path: string }> };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['date', 'period']);
    const typo = await t.request('ann', 'GET', '/api/v1/forecast?perod=month');
    expect(typo.status).toBe(400);
  });
});
