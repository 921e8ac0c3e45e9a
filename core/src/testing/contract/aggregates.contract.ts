import { describe, expect, it } from 'vitest';
import type { StageTotal } from '../../deals/deal-aggregates.port.js';
import { MAX_AMOUNT_MINOR } from '../../shared/money.js';
import { aDeal, PIPELINE_ID } from '../builders.js';
import type { ContractContext } from './support.js';

const usd = (minor: number) => ({ minor, currency: 'USD' });

export function describeAggregateContract({ write, read }: ContractContext): void {
  describe('stage totals', () => {
    it('sums open deals per stage and currency, ordered by stage id then currency', async () => {
      const deals = [
        aDeal({ stageId: 'proposal', amount: usd(100_00), probability: 60 }),
        aDeal({ stageId: 'proposal', amount: usd(250_00), probability: 60 }),
        aDeal({ stageId: 'proposal', amount: { minor: 80_000, currency: 'JPY' }, probability: 60 }),
        aDeal({ stageId: 'demo', amount: { minor: 999, currency: 'EUR' }, probability: 40 }),
        aDeal({ stageId: 'demo', amount: { minor: 10_00, currency: 'CNY' }, probability: 40 }),
        aDeal({ stageId: 'demo', amount: usd(5_00), probability: 40, status: 'won' }),
        aDeal({ stageId: 'demo', amount: usd(5_00), probability: 40, status: 'lost' }),
        aDeal({ stageId: 'demo', amount: usd(5_00), probability: 40, status: 'suspended' }),
        aDeal({ stageId: 'demo', amount: usd(5_00), pipelineId: 'pipe_other' }),
      ];
      await write(async (uow) => {
        for (const d of deals) await uow.deals.insert(d);
      });
      const totals = await read((uow) => uow.aggregates.stageTotals({ pipelineId: PIPELINE_ID }));
      const expected: StageTotal[] = [
        { stageId: 'demo', currency: 'CNY', count: 1, amountMinor: 10_00, weightedMinor: 4_00 },
        { stageId: 'demo', currency: 'EUR', count: 1, amountMinor: 999, weightedMinor: 400 },
        { stageId: 'proposal', currency: 'JPY', count: 1, amountMinor: 80_000, weightedMinor: 48_000 },
        { stageId: 'proposal', currency: 'USD', count: 2, amountMinor: 350_00, weightedMinor: 210_00 },
      ];
      expect(totals).toEqual(expected);
      expect(await read((uow) => uow.aggregates.stageTotals({ pipelineId: 'pipe_none' }))).toEqual([]);
    });

    it('rounds each deal half up before adding, in exact integer arithmetic', async () => {
      const big = MAX_AMOUNT_MINOR - 1;
      const deals = [
        aDeal({ stageId: 'negotiation', amount: { minor: MAX_AMOUNT_MINOR, currency: 'KRW' }, probability: 99 }),
        aDeal({ stageId: 'negotiation', amount: { minor: MAX_AMOUNT_MINOR, currency: 'KRW' }, probability: 99 }),
        aDeal({ stageId: 'lead', amount: usd(1), probability: 50 }),
        aDeal({ stageId: 'lead', amount: usd(1), probability: 50 }),
        aDeal({ stageId: 'lead', amount: usd(149), probability: 1 }),
        aDeal({ stageId: 'lead', amount: usd(150), probability: 1 }),
        aDeal({ stageId: 'lead', amount: usd(3), probability: 33 }),
        aDeal({ stageId: 'negotiation', amount: { minor: big, currency: 'KRW' }, probability: 37 }),
        aDeal({ stageId: 'won-ish', amount: usd(12_345), probability: 100 }),
        aDeal({ stageId: 'won-ish', amount: usd(12_345), probability: 0 }),
      ];
      await write(async (uow) => {
        for (const d of deals) await uow.deals.insert(d);
      });
      const totals = await read((uow) => uow.aggregates.stageTotals({ pipelineId: PIPELINE_ID }));
      // 1×50 → 0.5 → 1 (twice: 2, where rounding the sum would give 1); 1.49 → 1; 1.5 → 2; 0.99 → 1.
      const weightedBig = Number((BigInt(big) * 37n + 50n) / 100n + 2n * ((BigInt(MAX_AMOUNT_MINOR) * 99n + 50n) / 100n));
      expect(totals).toEqual([
        { stageId: 'lead', currency: 'USD', count: 5, amountMinor: 304, weightedMinor: 6 },
        { stageId: 'negotiation', currency: 'KRW', count: 3, amountMinor: 3 * MAX_AMOUNT_MINOR - 1, weightedMinor: weightedBig },
        { stageId: 'won-ish', currency: 'USD', count: 2, amountMinor: 24_690, weightedMinor: 12_345 },
      ]);
    });

    it('narrows to owners and an expected close date range (inclusive)', async () => {
      const deals = [
        aDeal({ ownerId: 'usr_a', expectedCloseDate: '2026-03-01', amount: usd(100) }),
        aDeal({ ownerId: 'usr_b', expectedCloseDate: '2026-03-31', amount: usd(200) }),
        aDeal({ ownerId: 'usr_a', expectedCloseDate: '2026-04-01', amount: usd(400) }),
        aDeal({ ownerId: 'usr_c', expectedCloseDate: null, amount: usd(800) }),
      ];
      await write(async (uow) => {
        for (const d of deals) await uow.deals.insert(d);
      });
      const amount = async (filter: { ownerIds?: string[]; closeFrom?: string; closeTo?: string }): Promise<number> => {
        const totals = await read((uow) => uow.aggregates.stageTotals({ pipelineId: PIPELINE_ID, ...filter }));
        return totals.reduce((sum, t) => sum + t.amountMinor, 0);
      };
      expect(await amount({})).toBe(1500);
      expect(await amount({ ownerIds: ['usr_a'] })).toBe(500);
      expect(await amount({ ownerIds: ['usr_a', 'usr_c'] })).toBe(1300);
      expect(await amount({ ownerIds: [] })).toBe(0);
      expect(await amount({ closeFrom: '2026-03-01', closeTo: '2026-03-31' })).toBe(300);
      expect(await amount({ closeFrom: '2026-03-02' })).toBe(600);
      expect(await amount({ closeTo: '2026-03-31', ownerIds: ['usr_b', 'usr_c'] })).toBe(200);
    });
  });
}
