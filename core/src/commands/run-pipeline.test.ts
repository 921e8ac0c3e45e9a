import { beforeEach, describe, expect, it } from 'vitest';
import { aPipeline } from '../testing/builders.js';
import { createCommandWorld, type CommandWorld } from '../testing/command-world.js';
import type { CommandOutcome, PipelineOutcome } from './command-outcome.js';
import { pipelineBoard } from '../analytics/index.js';

function asPipeline(outcome: CommandOutcome): PipelineOutcome {
  if (outcome.kind !== 'pipeline') throw new Error(`expected a pipeline outcome, got ${outcome.kind}`);
  return outcome;
}

/** stage name → "count: currency amount/weighted …" for compact comparison. */
const columns = (outcome: PipelineOutcome): Record<string, string> =>
  Object.fromEntries(
    outcome.board.stages.map((s) => [s.stageName, `${s.count}: ${s.byCurrency.map((c) => `${c.currency} ${c.amountMinor}/${c.weightedMinor}`).join(' ')}`.trim()]),
  );

describe('pipeline', () => {
  let w: CommandWorld;
  beforeEach(async () => {
    w = await createCommandWorld();
  });

  it('shows the person\'s own open deals by stage, in pipeline order, per currency', async () => {
    const outcome = asPipeline(await w.runText(w.users.ann, 'pipeline'));
    expect(outcome).toMatchObject({ scope: 'mine', audience: { kind: 'user', userId: w.users.ann.id, name: 'Ann' } });
    expect(outcome.board.stages.map((s) => s.stageName)).toEqual(['Lead', 'Qualified', 'Demo', 'Proposal', 'Negotiation']);
    expect(columns(outcome)).toEqual({
      Lead: '0:',
      Qualified: '1: USD 2000000/400000',
      Demo: '1: USD 1000000/400000',
      Proposal: '1: EUR 1000000/600000',
      Negotiation: '0:',
    });
    expect(outcome.board.totals).toEqual([
      { currency: 'EUR', count: 1, amountMinor: 1_000_000, weightedMinor: 600_000 },
      { currency: 'USD', count: 2, amountMinor: 3_000_000, weightedMinor: 800_000 },
    ]);
    expect(outcome.board).toMatchObject({ count: 3, pipelineName: 'Sales', staleDeals: [] });
    expect(outcome.summary).toBe('Your pipeline: 3 open deals, €10,000 and $30,000 (weighted €6,000 and $8,000).');
  });

  it('shows a manager their team, and not the other team', async () => {
    const outcome = asPipeline(await w.runText(w.users.mia, 'pipeline team'));
    expect(outcome.audience).toMatchObject({ kind: 'team', name: 'East' });
    expect(outcome.audience.kind === 'team' && [...outcome.audience.memberIds].sort()).toEqual([w.users.ann.id, w.users.mia.id, w.users.raj.id].sort());
    expect(columns(outcome)).toEqual({
      Lead: '1: USD 4000000/400000',
      Qualified: '2: USD 2500000/500000',
      Demo: '2: CNY 50000000/20000000 USD 1000000/400000',
      Proposal: '1: EUR 1000000/600000',
      Negotiation: '0:',
    });
    expect(outcome.summary).toBe("The East team's pipeline: 6 open deals, CN¥500,000, €10,000 and $75,000 (weighted CN¥200,000, €6,000 and $13,000).");
  });

  it('refuses a rep the team view, saying managers see team pipelines', async () => {
    const run = w.runText(w.users.ann, 'pipeline team');
    await expect(run).rejects.toMatchObject({
      code: 'forbidden',
      message: "Team pipelines are for managers: a manager sees their team's, an admin everyone's. Type pipeline to see your own open deals.",
    });
  });

  it('shows an admin everyone\'s deals', async () => {
    const outcome = asPipeline(await w.runText(w.users.admin, 'pipeline team'));
    expect(outcome.audience).toEqual({ kind: 'everyone' });
    expect(outcome.board.count).toBe(8);
    expect(outcome.board.stages[0]).toMatchObject({ stageName: 'Lead', count: 3 });
  });

  it('lists the open deals that sat in their stage more than twice its usual time, stalest first', async () => {
    const ann = w.as(w.users.ann);
    const account = await w.services.accounts.create(ann, { name: 'Stale Corp' });
    const make = (title: string) => w.services.deals.create(ann, { title, accountId: account.id, amount: { minor: 100, currency: 'USD' }, stageId: 'negotiation' });
    // Five deals leave Negotiation after 1, 2, 3, 4 and 5 days: the median is 3, so stale after 6.
    const quick = [await make('Q1'), await make('Q2'), await make('Q3'), await make('Q4'), await make('Q5')];
    const stuck = await make('Stuck in negotiation');
    for (const deal of quick) {
      w.clock.advance(86_400_000);
      await w.services.deals.win(ann, deal.id);
    }
    w.clock.advance(2 * 86_400_000);
    const outcome = asPipeline(await w.runText(w.users.ann, 'pipeline'));
    expect(outcome.board.staleDeals.map((d) => [d.deal.id, d.stageName, d.daysInStage])).toEqual([[stuck.id, 'Negotiation', 7]]);
  });

  it('says so when there are no open deals, and when a manager has no team', async () => {
    const mine = asPipeline(await w.runText(w.users.mia, 'pipeline mine'));
    expect(mine.board.count).toBe(0);
    expect(mine.summary).toBe('You have no open deals in Sales.');
    const loner = await w.services.users.create(null, { name: 'Lou', email: 'lou@rapport.test', role: 'manager' });
    await expect(w.runText(loner, 'pipeline team')).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/^You are not in a team yet/) });
  });
});

describe('pipelineBoard', () => {
  it('keeps a stage the pipeline dropped at the end, and an empty stage with no totals', () => {
    const pipeline = aPipeline({ stages: [{ id: 'lead', name: 'Lead', probability: 10 }, { id: 'won_back', name: 'Won back', probability: 50 }] });
    const board = pipelineBoard(pipeline, [
      { stageId: 'archived', currency: 'USD', count: 1, amountMinor: 100, weightedMinor: 10 },
      { stageId: 'lead', currency: 'JPY', count: 2, amountMinor: 5_000, weightedMinor: 500 },
      { stageId: 'lead', currency: 'USD', count: 1, amountMinor: 300, weightedMinor: 30 },
    ]);
    expect(board.stages).toEqual([
      {
        stageId: 'lead',
        stageName: 'Lead',
        probability: 10,
        count: 3,
        byCurrency: [
          { currency: 'JPY', count: 2, amountMinor: 5_000, weightedMinor: 500 },
          { currency: 'USD', count: 1, amountMinor: 300, weightedMinor: 30 },
        ],
      },
      { stageId: 'won_back', stageName: 'Won back', probability: 50, count: 0, byCurrency: [] },
      { stageId: 'archived', stageName: 'archived', probability: null, count: 1, byCurrency: [{ currency: 'USD', count: 1, amountMinor: 100, weightedMinor: 10 }] },
    ]);
    expect(board.totals).toEqual([
      { currency: 'JPY', count: 2, amountMinor: 5_000, weightedMinor: 500 },
      { currency: 'USD', count: 2, amountMinor: 400, weightedMinor: 40 },
    ]);
    expect(board.count).toBe(4);
  });
});
