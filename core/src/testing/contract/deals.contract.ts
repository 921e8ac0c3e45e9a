import { describe, expect, it } from 'vitest';
import type { Deal } from '../../deals/deal.schema.js';
import type { DealFilter } from '../../deals/deal.port.js';
import { MAX_AMOUNT_MINOR } from '../../shared/money.js';
import { aDeal, aStageChange } from '../builders.js';
import { allPages, badCursors, expectCrmError, ids, sortedIds, type ContractContext } from './support.js';

const bump = (deal: Deal, patch: Partial<Deal> = {}): Deal => ({
  ...deal,
  ...patch,
  version: deal.version + 1,
  updatedAt: '2026-02-01T10:00:00.000Z',
});

export function describeDealContract({ write, read }: ContractContext): void {
  describe('deals', () => {
    it('stores a deal exactly, every field', async () => {
      const deal = aDeal({
        title: '华为 renewal — 2027 🚀',
        primaryContactId: 'con_ann',
        amount: { minor: 9_719_925_474_099, currency: 'JPY' },
        stageId: 'negotiation',
        probability: 85,
        probabilityOverridden: true,
        expectedCloseDate: '2026-12-31',
        collaboratorIds: ['usr_b', 'usr_a'],
        status: 'lost',
        lostReason: 'Budget cut',
        competitor: 'Globex',
        campaignId: 'cmp_spring',
        commit: true,
        stageEnteredAt: '2026-03-01T12:34:56.789Z',
        closedAt: '2026-04-01T00:00:00.001Z',
        version: 7,
      });
      await write((uow) => uow.deals.insert(deal));
      const stored = await read((uow) => uow.deals.get(deal.id));
      expect(stored).toEqual(deal);
      stored!.collaboratorIds.pop();
      expect((await read((uow) => uow.deals.get(deal.id)))?.collaboratorIds).toEqual(['usr_b', 'usr_a']);
      expect(await read((uow) => uow.deals.get('deal_missing'))).toBeNull();
      expect(ids(await read((uow) => uow.deals.getMany([deal.id, 'deal_missing'])))).toEqual([deal.id]);
      const largest = aDeal({ amount: { minor: MAX_AMOUNT_MINOR, currency: 'USD' }, probability: 100 });
      await write((uow) => uow.deals.insert(largest));
      expect((await read((uow) => uow.deals.get(largest.id)))?.amount.minor).toBe(MAX_AMOUNT_MINOR);
      await expectCrmError(write((uow) => uow.deals.insert(deal)), 'conflict', deal.id);
    });

    it('lists deals by id across pages and refuses foreign cursors', async () => {
      const deals = Array.from({ length: 7 }, () => aDeal());
      await write(async (uow) => {
        for (const d of [...deals].reverse()) await uow.deals.insert(d);
      });
      const { items, pages } = await allPages((page) => read((uow) => uow.deals.list({}, page)), 3);
      expect(ids(items)).toEqual(ids(deals));
      expect(pages).toBe(3);
      const exact = await allPages((page) => read((uow) => uow.deals.list({}, page)), 7);
      expect(exact.pages).toBe(1);
      for (const cursor of badCursors(1)) {
        await expectCrmError(read((uow) => uow.deals.list({}, { limit: 5, cursor })), 'invalid_input');
      }
    });

    it('filters deals by every field of the filter', async () => {
      const d = [
        aDeal({ accountId: 'acc_a', primaryContactId: 'con_a', ownerId: 'usr_a', status: 'open', pipelineId: 'pipe_x', stageId: 'demo', campaignId: 'cmp_a', expectedCloseDate: '2026-03-01' }),
        aDeal({ accountId: 'acc_a', primaryContactId: null, ownerId: 'usr_b', status: 'won', pipelineId: 'pipe_x', stageId: 'lead', campaignId: null, expectedCloseDate: '2026-03-31' }),
        aDeal({ accountId: 'acc_b', primaryContactId: 'con_a', ownerId: 'usr_c', status: 'lost', pipelineId: 'pipe_y', stageId: 'demo', campaignId: 'cmp_a', expectedCloseDate: '2026-04-01' }),
        aDeal({ accountId: 'acc_b', primaryContactId: 'con_b', ownerId: 'usr_a', status: 'suspended', pipelineId: 'pipe_x', stageId: 'demo', campaignId: 'cmp_b', expectedCloseDate: null }),
      ];
      await write(async (uow) => {
        for (const deal of d) await uow.deals.insert(deal);
      });
      const list = async (filter: DealFilter): Promise<string[]> =>
        ids((await allPages((page) => read((uow) => uow.deals.list(filter, page)), 2)).items);
      const pick = (...i: number[]): string[] => i.map((n) => d[n]!.id);
      expect(await list({ accountId: 'acc_a' })).toEqual(pick(0, 1));
      expect(await list({ primaryContactId: 'con_a' })).toEqual(pick(0, 2));
      expect(await list({ ownerIds: ['usr_a', 'usr_c'] })).toEqual(pick(0, 2, 3));
      expect(await list({ ownerIds: [] })).toEqual([]);
      expect(await list({ statuses: ['open', 'suspended'] })).toEqual(pick(0, 3));
      expect(await list({ statuses: [] })).toEqual([]);
      expect(await list({ pipelineId: 'pipe_x' })).toEqual(pick(0, 1, 3));
      expect(await list({ stageId: 'demo' })).toEqual(pick(0, 2, 3));
      expect(await list({ campaignId: 'cmp_a' })).toEqual(pick(0, 2));
      expect(await list({ closeFrom: '2026-03-01', closeTo: '2026-03-31' })).toEqual(pick(0, 1));
      expect(await list({ closeFrom: '2026-03-02' })).toEqual(pick(1, 2));
      expect(await list({ closeTo: '2026-03-01' })).toEqual(pick(0));
      expect(await list({ pipelineId: 'pipe_x', stageId: 'demo', ownerIds: ['usr_a'], statuses: ['open'] })).toEqual(pick(0));
    });

    it('updates only on the next version, and a stale write changes nothing', async () => {
      const deal = aDeal({ version: 2 });
      await write((uow) => uow.deals.insert(deal));
      expect(await write((uow) => uow.deals.update({ ...deal, title: 'stale' }))).toBe(false);
      expect(await write((uow) => uow.deals.update({ ...deal, title: 'too new', version: 4 }))).toBe(false);
      expect(await read((uow) => uow.deals.get(deal.id))).toEqual(deal);
      const next = bump(deal, { stageId: 'proposal', probability: 60, amount: { minor: 2_500_00, currency: 'EUR' } });
      expect(await write((uow) => uow.deals.update(next))).toBe(true);
      expect(await read((uow) => uow.deals.get(deal.id))).toEqual(next);
      expect(await write((uow) => uow.deals.update(bump(aDeal({ id: 'deal_ghost' }))))).toBe(false);
      expect(await read((uow) => uow.deals.get('deal_ghost'))).toBeNull();
    });

    it('only one of two concurrent updates from the same version lands', async () => {
      const deal = aDeal();
      await write((uow) => uow.deals.insert(deal));
      const results = await Promise.all(
        ['first', 'second'].map((title) => write((uow) => uow.deals.update(bump(deal, { title })))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await read((uow) => uow.deals.get(deal.id));
      expect(stored?.version).toBe(2);
      expect(stored?.title).toBe(results[0] ? 'first' : 'second');
    });

    it('keeps a stage history, oldest first by time then id, and deletes it with the deal', async () => {
      const deal = aDeal();
      const other = aDeal();
      const late = aStageChange({ dealId: deal.id, at: '2026-03-01T00:00:00.000Z', fromPipelineId: 'pipe_sales', fromStageId: 'lead', fromStatus: 'open', pipelineId: 'pipe_partners', stageId: 'demo' });
      const tieA = aStageChange({ dealId: deal.id, at: '2026-02-01T00:00:00.000Z' });
      const tieB = aStageChange({ dealId: deal.id, at: '2026-02-01T00:00:00.000Z', stageId: 'qualified', actorId: null, surface: 'slack' });
      const elsewhere = aStageChange({ dealId: other.id });
      await write(async (uow) => {
        await uow.deals.insert(deal);
        await uow.deals.insert(other);
        for (const change of [late, tieB, elsewhere, tieA]) await uow.deals.appendStageChange(change);
      });
      expect(await read((uow) => uow.deals.stageHistory(deal.id))).toEqual([tieA, tieB, late]);
      await expectCrmError(write((uow) => uow.deals.appendStageChange(late)), 'conflict', late.id);
      await write((uow) => uow.deals.delete(deal.id));
      expect(await read((uow) => uow.deals.get(deal.id))).toBeNull();
      expect(await read((uow) => uow.deals.stageHistory(deal.id))).toEqual([]);
      expect(await read((uow) => uow.deals.stageHistory(other.id))).toEqual([elsewhere]);
    });

    it('moves deals to another account or contact, bumping version and updatedAt', async () => {
      const a = aDeal({ accountId: 'acc_old', primaryContactId: 'con_old' });
      const b = aDeal({ accountId: 'acc_old', primaryContactId: 'con_keep', version: 5 });
      const c = aDeal({ accountId: 'acc_keep', primaryContactId: 'con_old' });
      await write(async (uow) => {
        for (const deal of [a, b, c]) await uow.deals.insert(deal);
      });
      const at = '2026-05-05T05:05:05.005Z';
      expect(await write((uow) => uow.deals.reassignAccount('acc_old', 'acc_new', at))).toBe(2);
      expect(await read((uow) => uow.deals.get(a.id))).toEqual({ ...a, accountId: 'acc_new', version: 2, updatedAt: at });
      expect(await read((uow) => uow.deals.get(b.id))).toEqual({ ...b, accountId: 'acc_new', version: 6, updatedAt: at });
      expect(await read((uow) => uow.deals.get(c.id))).toEqual(c);
      const later = '2026-05-06T00:00:00.000Z';
      expect(await write((uow) => uow.deals.reassignContact('con_old', null, later))).toBe(2);
      expect(await read((uow) => uow.deals.get(a.id))).toEqual({ ...a, accountId: 'acc_new', primaryContactId: null, version: 3, updatedAt: later });
      expect(await read((uow) => uow.deals.get(c.id))).toEqual({ ...c, primaryContactId: null, version: 2, updatedAt: later });
      expect(sortedIds(await read(async (uow) => (await uow.deals.list({ primaryContactId: 'con_keep' }, { limit: 9 })).items))).toEqual([b.id]);
      expect(await write((uow) => uow.deals.reassignContact('con_none', 'con_x', later))).toBe(0);
    });
  });
}
