import { describe, expect, it } from 'vitest';
import type { DealSort } from '../../deals/deal-sort.schema.js';
import { aDeal, anActivity } from '../builders.js';
import { allPages, badCursors, expectCrmError, type ContractContext } from './support.js';

const at = (day: string): string => `2026-${day}T09:00:00.000Z`;

/** Five deals with ties on amount, close date and stage entry, titles in several scripts. */
const DEALS = [
  aDeal({ id: 'deal_a', title: 'Zeta', amount: { minor: 500, currency: 'USD' }, expectedCloseDate: '2026-05-01', stageEnteredAt: at('03-01'), createdAt: at('01-05') }),
  aDeal({ id: 'deal_b', title: 'alpha', amount: { minor: 90_000, currency: 'JPY' }, expectedCloseDate: null, stageEnteredAt: at('02-01'), createdAt: at('01-01') }),
  aDeal({ id: 'deal_c', title: 'Ärger', amount: { minor: 500, currency: 'EUR' }, expectedCloseDate: '2026-04-01', stageEnteredAt: at('03-01'), createdAt: at('01-03') }),
  aDeal({ id: 'deal_d', title: 'beta', amount: { minor: 10_000_000_000, currency: 'USD' }, expectedCloseDate: '2026-05-01', stageEnteredAt: at('01-15'), createdAt: at('01-02') }),
  aDeal({ id: 'deal_e', title: '华为', amount: { minor: 7, currency: 'CNY' }, expectedCloseDate: null, stageEnteredAt: at('03-10'), createdAt: at('01-04') }),
];

const ACTIVITIES = [
  anActivity({ dealId: 'deal_a', occurredAt: at('03-05') }),
  anActivity({ dealId: 'deal_a', occurredAt: at('02-01') }),
  anActivity({ dealId: 'deal_d', occurredAt: at('03-20') }),
  anActivity({ dealId: 'deal_b', occurredAt: at('01-10') }),
  anActivity({ dealId: null, occurredAt: at('04-01') }),
];

/** Each order ascending, worked out by hand; descending is its exact reverse (ties break by id the other way too). */
const EXPECTED: Array<[DealSort['key'], string[]]> = [
  ['amount', ['deal_e', 'deal_a', 'deal_c', 'deal_b', 'deal_d']],
  ['expectedCloseDate', ['deal_c', 'deal_a', 'deal_d', 'deal_b', 'deal_e']],
  ['daysInStage', ['deal_e', 'deal_c', 'deal_a', 'deal_b', 'deal_d']],
  ['lastActivityAt', ['deal_c', 'deal_e', 'deal_b', 'deal_a', 'deal_d']],
  ['createdAt', ['deal_b', 'deal_d', 'deal_c', 'deal_e', 'deal_a']],
  ['title', ['deal_b', 'deal_c', 'deal_d', 'deal_a', 'deal_e']],
];

export function describeDealSortContract({ write, read }: ContractContext): void {
  describe('deal sorts', () => {
    const seed = () =>
      write(async (uow) => {
        for (const deal of DEALS) await uow.deals.insert(deal);
        for (const activity of ACTIVITIES) await uow.activities.insert(activity);
        await uow.deals.insert(aDeal({ id: 'deal_z', pipelineId: 'pipe_other', amount: { minor: 1, currency: 'USD' } }));
      });

    it.each(EXPECTED)('sorts by %s both ways, stable across pages of two', async (key, ascending) => {
      await seed();
      const list = (descending: boolean) => allPages((page) => read((uow) => uow.deals.list({ pipelineId: DEALS[0]?.pipelineId ?? '' }, page, { key, descending })), 2);
      const up = await list(false);
      expect(up.items.map((d) => d.id)).toEqual(ascending);
      expect(up.pages).toBe(3);
      expect((await list(true)).items.map((d) => d.id)).toEqual([...ascending].reverse());
    });

    it('keeps filters with a sort and refuses cursors of another list', async () => {
      await seed();
      const first = await read((uow) => uow.deals.list({ statuses: ['open'] }, { limit: 10 }, { key: 'amount', descending: false }));
      expect(first.items.map((d) => d.id)).toEqual(['deal_z', 'deal_e', 'deal_a', 'deal_c', 'deal_b', 'deal_d']);
      expect(await read((uow) => uow.deals.list({ ownerIds: [] }, { limit: 10 }, { key: 'title', descending: true }))).toEqual({ items: [], nextCursor: null });
      for (const cursor of badCursors(2)) {
        await expectCrmError(read((uow) => uow.deals.list({}, { limit: 2, cursor }, { key: 'amount', descending: false })), 'invalid_input');
      }
      const byId = await read((uow) => uow.deals.list({}, { limit: 2 }));
      await expectCrmError(read((uow) => uow.deals.list({}, { limit: 2, cursor: byId.nextCursor ?? '' }, { key: 'createdAt', descending: false })), 'invalid_input');
    });

    it('follows a deal that moves on: a new activity or stage entry changes its place', async () => {
      await seed();
      await write(async (uow) => {
        await uow.activities.insert(anActivity({ dealId: 'deal_c', occurredAt: at('03-30') }));
        const e = DEALS[4];
        if (e) await uow.deals.update({ ...e, stageEnteredAt: at('01-01'), version: 2 });
      });
      const byActivity = await read((uow) => uow.deals.list({ pipelineId: DEALS[0]?.pipelineId ?? '' }, { limit: 10 }, { key: 'lastActivityAt', descending: true }));
      expect(byActivity.items.map((d) => d.id)).toEqual(['deal_c', 'deal_d', 'deal_a', 'deal_b', 'deal_e']);
      const stalest = await read((uow) => uow.deals.list({}, { limit: 1 }, { key: 'daysInStage', descending: true }));
      expect(stalest.items.map((d) => d.id)).toEqual(['deal_e']);
    });
  });
}
