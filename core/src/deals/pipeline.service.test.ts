import { beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '../shared/errors.js';
import { createWorld, type World } from '../testing/world.js';
import type { Deal } from './deal.schema.js';

const DAY = 86_400_000;

describe('PipelineService', () => {
  let world: World;
  let accountId: string;

  beforeEach(async () => {
    world = await createWorld();
    accountId = (await world.services.accounts.create(world.as(world.users.ann), { name: 'Acme Corp', domains: ['acme.com'] })).id;
  });

  const pipelines = () => world.services.pipelines;
  const eastPipeline = () => pipelines().create(world.as(world.users.mia), { name: 'East renewals' });
  const aDealIn = (pipelineId: string, stageId = 'lead', title = 'Acme renewal'): Promise<Deal> =>
    world.services.deals.create(world.as(world.users.ann), { title, accountId, amount: { minor: 100_000, currency: 'EUR' }, pipelineId, stageId });

  describe('who edits what', () => {
    it('lets a manager create a pipeline for their team, and an admin a company-wide one', async () => {
      const east = await eastPipeline();
      expect(east).toMatchObject({ name: 'East renewals', teamId: world.users.mia.teamId, isDefault: false, version: 1 });
      expect(east.stages.map((s) => s.id)).toEqual(['lead', 'qualified', 'demo', 'proposal', 'negotiation']);
      const company = await pipelines().create(world.as(world.users.admin), {
        name: 'Partners',
        stages: [{ name: 'Sourced', probability: 5 }, { name: 'Signed – contract', probability: 100, outcome: 'won' }, { name: '没成', probability: 0, outcome: 'lost' }],
      });
      expect(company.teamId).toBeNull();
      expect(company.stages).toEqual([
        { id: 'sourced', name: 'Sourced', probability: 5 },
        { id: 'signed-contract', name: 'Signed – contract', probability: 100, outcome: 'won' },
        { id: 'stage', name: '没成', probability: 0, outcome: 'lost' },
      ]);
      const forEast = await pipelines().list(world.as(world.users.ann), { teamId: world.users.ann.teamId ?? '' });
      const forWest = await pipelines().list(world.as(world.users.bo), { teamId: world.users.bo.teamId ?? '' });
      expect(forEast.map((p) => p.name)).toEqual(['Sales', 'East renewals', 'Partners']);
      expect(forWest.map((p) => p.name)).toEqual(['Sales', 'Partners']);
    });

    it('refuses reps, other teams and company-wide pipelines to managers', async () => {
      const east = await eastPipeline();
      await expect(pipelines().create(world.as(world.users.ann), { name: 'Mine' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(pipelines().create(world.as(world.users.mia), { name: 'Everyone', teamId: null })).rejects.toThrow(/company-wide; only an admin/);
      await expect(pipelines().create(world.as(world.users.mia), { name: 'West', teamId: world.users.will.teamId })).rejects.toThrow(/another team/);
      await expect(pipelines().rename(world.as(world.users.will), east.id, { name: 'Taken over' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(pipelines().rename(world.as(world.users.mia), world.pipeline.id, { name: 'Ours now' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(pipelines().addStage(world.as(world.users.ann), east.id, { name: 'Pilot', probability: 50 })).rejects.toMatchObject({ code: 'forbidden' });
      expect(await pipelines().rename(world.as(world.users.admin), east.id, { name: 'East – renewals' })).toMatchObject({ name: 'East – renewals', version: 2 });
      await expect(pipelines().rename(world.as(world.users.mia), east.id, { name: 'Stale' }, { expectedVersion: 1 })).rejects.toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
    });
  });

  describe('stages', () => {
    it('renames a stage under the same id, so the deal and its history still point at it', async () => {
      const east = await eastPipeline();
      const deal = await aDealIn(east.id);
      await world.services.deals.moveStage(world.as(world.users.ann), deal.id, 'demo');
      const renamed = await pipelines().updateStage(world.as(world.users.mia), east.id, 'demo', { name: 'Product demo' });
      expect(renamed.stages.find((s) => s.id === 'demo')?.name).toBe('Product demo');
      expect((await world.services.deals.get(world.as(world.users.ann), deal.id)).stageId).toBe('demo');
      const history = await world.services.deals.history(world.as(world.users.ann), deal.id);
      expect(history.map((h) => [h.fromStageId, h.stageId])).toEqual([[null, 'lead'], ['lead', 'demo']]);
      const moved = await world.services.deals.moveStage(world.as(world.users.ann), deal.id, 'Product demo');
      expect(moved.version).toBe(2);
    });

    it('adds, reorders and reprices stages; open deals that follow the default take the new one', async () => {
      const east = await eastPipeline();
      const follows = await aDealIn(east.id, 'demo', 'Follows');
      const overridden = await world.services.deals.update(world.as(world.users.ann), (await aDealIn(east.id, 'demo', 'Own call')).id, { probability: 70 });
      const added = await pipelines().addStage(world.as(world.users.mia), east.id, { name: 'Pilot', probability: 50, position: 3 });
      expect(added.stages.map((s) => s.id)).toEqual(['lead', 'qualified', 'demo', 'pilot', 'proposal', 'negotiation']);
      await expect(pipelines().addStage(world.as(world.users.mia), east.id, { id: 'demo', name: 'Demo again', probability: 1 })).rejects.toMatchObject({ code: 'conflict' });
      const reordered = await pipelines().reorderStages(world.as(world.users.mia), east.id, { stageIds: ['lead', 'demo', 'qualified', 'pilot', 'proposal', 'negotiation'] });
      expect(reordered.stages.map((s) => s.id)).toEqual(['lead', 'demo', 'qualified', 'pilot', 'proposal', 'negotiation']);
      await expect(pipelines().reorderStages(world.as(world.users.mia), east.id, { stageIds: ['lead', 'demo'] })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'stageIds' }] });
      await pipelines().updateStage(world.as(world.users.mia), east.id, 'demo', { probability: 45 });
      expect((await world.services.deals.get(world.as(world.users.ann), follows.id)).probability).toBe(45);
      expect((await world.services.deals.get(world.as(world.users.ann), overridden.id)).probability).toBe(70);
    });

    it('refuses to remove a stage that holds deals until told where they go, then moves them on the record', async () => {
      const east = await eastPipeline();
      const open = await aDealIn(east.id, 'demo', 'Open one');
      const won = await world.services.deals.win(world.as(world.users.ann), (await aDealIn(east.id, 'demo', 'Won one')).id);
      world.clock.advance(DAY);
      const refusal = await pipelines().removeStage(world.as(world.users.mia), east.id, 'demo').catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(CrmError);
      expect(refusal).toMatchObject({ code: 'conflict', details: { dealCount: 2, moveDealsTo: ['lead', 'qualified', 'proposal', 'negotiation'] } });
      expect((refusal as Error).message).toMatch(/holds 2 deals\. Send moveDealsTo/);
      await expect(pipelines().removeStage(world.as(world.users.mia), east.id, 'demo', { moveDealsTo: 'demo' })).rejects.toMatchObject({ code: 'invalid_input' });
      const after = await pipelines().removeStage(world.as(world.users.mia), east.id, 'demo', { moveDealsTo: 'proposal' });
      expect(after.stages.map((s) => s.id)).toEqual(['lead', 'qualified', 'proposal', 'negotiation']);
      const movedOpen = await world.services.deals.get(world.as(world.users.ann), open.id);
      const movedWon = await world.services.deals.get(world.as(world.users.ann), won.id);
      expect(movedOpen).toMatchObject({ stageId: 'proposal', status: 'open', probability: 60, stageEnteredAt: world.clock.now().toISOString() });
      expect(movedWon).toMatchObject({ stageId: 'proposal', status: 'won', probability: 100 });
      const history = await world.services.deals.history(world.as(world.users.ann), open.id);
      expect(history.at(-1)).toMatchObject({ fromStageId: 'demo', stageId: 'proposal', actorId: world.users.mia.id, pipelineId: east.id });
      const empty = await pipelines().removeStage(world.as(world.users.mia), east.id, 'qualified');
      expect(empty.stages.map((s) => s.id)).toEqual(['lead', 'proposal', 'negotiation']);
    });

    it('closes a deal that enters a stage counted as won or lost, and reopens it in an open stage', async () => {
      const east = await eastPipeline();
      await pipelines().addStage(world.as(world.users.mia), east.id, { name: 'Closed won', probability: 100, outcome: 'won' });
      await pipelines().addStage(world.as(world.users.mia), east.id, { name: 'Closed lost', probability: 0, outcome: 'lost' });
      const deal = await aDealIn(east.id);
      const won = await world.services.deals.moveStage(world.as(world.users.ann), deal.id, 'closed-won');
      expect(won).toMatchObject({ stageId: 'closed-won', status: 'won', probability: 100, closedAt: world.clock.now().toISOString() });
      const reopened = await world.services.deals.reopen(world.as(world.users.mia), deal.id);
      expect(reopened).toMatchObject({ status: 'open', stageId: 'negotiation' });
      const lost = await world.services.deals.moveStage(world.as(world.users.ann), deal.id, 'closed-lost');
      expect(lost).toMatchObject({ status: 'lost', probability: 0 });
      await expect(aDealIn(east.id, 'closed-won')).rejects.toMatchObject({ code: 'invalid_input' });
      const open = await aDealIn(east.id, 'proposal', 'Still open');
      await expect(pipelines().updateStage(world.as(world.users.mia), east.id, 'proposal', { outcome: 'won' })).rejects.toThrow(/holds 1 deal not yet closed/);
      expect(open.status).toBe('open');
    });
  });

  describe('deals between pipelines', () => {
    it('moves a deal to another pipeline and records both pipelines in its stage history', async () => {
      const east = await eastPipeline();
      const deal = await aDealIn(world.pipeline.id, 'demo');
      world.clock.advance(DAY);
      const moved = await world.services.deals.update(world.as(world.users.ann), deal.id, { pipelineId: east.id, stageId: 'proposal' }, { expectedVersion: 1 });
      expect(moved).toMatchObject({ pipelineId: east.id, stageId: 'proposal', probability: 60, version: 2 });
      const history = await world.services.deals.history(world.as(world.users.ann), deal.id);
      expect(history.at(-1)).toMatchObject({ fromPipelineId: world.pipeline.id, fromStageId: 'demo', pipelineId: east.id, stageId: 'proposal', status: 'open' });
      const toFirst = await world.services.deals.update(world.as(world.users.ann), deal.id, { pipelineId: world.pipeline.id });
      expect(toFirst).toMatchObject({ pipelineId: world.pipeline.id, stageId: 'lead' });
      await expect(world.services.deals.update(world.as(world.users.ann), deal.id, { pipelineId: east.id, stageId: 'nowhere' })).rejects.toMatchObject({ code: 'invalid_input' });
    });

    it('deletes an empty pipeline, but not one with deals or the default', async () => {
      const east = await eastPipeline();
      const deal = await aDealIn(east.id);
      await expect(pipelines().delete(world.as(world.users.mia), east.id)).rejects.toThrow(/still holds deals/);
      await expect(pipelines().delete(world.as(world.users.admin), world.pipeline.id)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'default_pipeline' } });
      await world.services.deals.update(world.as(world.users.ann), deal.id, { pipelineId: world.pipeline.id });
      await pipelines().delete(world.as(world.users.mia), east.id);
      await expect(pipelines().get(world.as(world.users.ann), east.id)).rejects.toMatchObject({ code: 'not_found' });
    });
  });
});
