import { addDays, ManualClock } from '@rapport/core';
import { RapportClient } from '@rapport/http';
import { createHub, readConfig, silentLogger, type Hub } from '@rapport/server';
import { seedDemo, type DemoSeedResult } from '@rapport/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabaseHandle } from '../support/databases.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

/**
 * The demo company (size small) read through every analytics endpoint, as its admin and as a
 * team's manager would: figures a sales manager would recognise, not zeros.
 */
describe.each(ENGINES)('the demo company\'s analytics over HTTP on $engine', ({ engine, available }) => {
  let database: TestDatabaseHandle;
  let hub: Hub;
  let url: string;
  let seeded: DemoSeedResult;
  const client = (role: 'admin' | 'manager') => {
    const user = seeded.users.find((u) => u.role === role);
    if (!user) throw new Error(`The demo has no ${role}`);
    return new RapportClient({ baseUrl: url, token: user.token });
  };

  beforeAll(async () => {
    if (!available) return;
    database = await freshDatabase(engine);
    const store = await database.open();
    seeded = await seedDemo({ store, now: NOW }, { size: 'small' });
    hub = await createHub({ config: { ...readConfig({ RAPPORT_SCHEDULER: '0' }), port: 0 }, store, logger: silentLogger, clock: new ManualClock(NOW) });
    url = (await hub.listen()).url;
  }, 600_000);
  afterAll(async () => {
    await hub?.close();
    await database?.drop();
  });

  it.skipIf(!available)('forecasts with won deals last month and open deals this quarter', async () => {
    const lastMonth = await client('admin').call('forecast', { query: { period: 'month', date: addDays('2026-11-01', -1) } });
    expect(lastMonth.total.figures.some((f) => f.closedWonMinor > 0)).toBe(true);
    const quarter = await client('admin').call('forecast', { query: { period: 'quarter' } });
    expect(quarter.total.figures.some((f) => f.openCount > 0 && f.bestCaseMinor > f.closedWonMinor && f.weightedPipelineMinor > 0)).toBe(true);
    expect(quarter.teams.length).toBe(2);
    expect(quarter.changes.length).toBeGreaterThan(0);
  });

  it.skipIf(!available)('shows the board with stale deals, and stage times with medians for every stage', async () => {
    const board = await client('manager').call('pipelineBoard', { query: {} });
    expect(board.board.count).toBeGreaterThan(0);
    expect(board.board.staleDeals.length).toBeGreaterThan(0);
    const times = await client('admin').call('stageTimes', { query: { from: addDays('2026-11-23', -364) } });
    expect(times.stages.every((s) => s.deals > 0 && (s.medianDays ?? 0) > 0 && (s.averageDays ?? 0) >= 0)).toBe(true);
    const stale = await client('admin').call('staleDeals', { query: {} });
    expect(stale.deals.length).toBeGreaterThan(0);
    expect(stale.deals.every((d) => d.daysInStage > d.thresholdDays - 1 && d.thresholdDays >= d.stageMedianDays)).toBe(true);
  });

  it.skipIf(!available)('converts the funnel and explains losses', async () => {
    const funnel = await client('admin').call('funnel', { query: {} });
    expect(funnel.won).toBeGreaterThan(0);
    expect(funnel.lost).toBeGreaterThan(0);
    expect(funnel.stages[0]?.reached).toBe(funnel.won + funnel.lost);
    expect(funnel.averageCycleDays).toBeGreaterThan(0);
    const winLoss = await client('admin').call('winLoss', { query: {} });
    expect(winLoss.reasons.length).toBeGreaterThan(0);
  });

  it.skipIf(!available)('reports a team\'s week of work', async () => {
    const week = await client('manager').call('activityReport', { query: { period: 'week' } });
    expect(week.scope.kind).toBe('team');
    expect(week.total.activities.total).toBeGreaterThan(0);
    expect(week.reps.length).toBeGreaterThan(1);
  });

  it.skipIf(!available)('scores buying accounts into several segments', async () => {
    const segments = await client('admin').call('segments', { query: { segment: 'new' } });
    expect(segments.segments.filter((s) => s.accounts > 0).length).toBeGreaterThanOrEqual(3);
    expect(segments.accounts.length).toBeGreaterThan(0);
  });

  it.skipIf(!available)('warns about valuable customers going quiet, with the evidence', async () => {
    const { risks } = await client('admin').call('churnRisks', { query: {} });
    expect(risks.length).toBeGreaterThan(0);
    for (const risk of risks) {
      expect(risk.reasons.length).toBeGreaterThan(0);
      expect(risk.monetary >= 4 || risk.frequency >= 4).toBe(true);
      if (risk.reasons.includes('quiet')) expect(risk.silentDays).toBeGreaterThanOrEqual(14);
      if (risk.reasons.includes('buying_less')) expect(risk.daysSinceLastOrder).toBeGreaterThanOrEqual(14);
    }
  });
});
