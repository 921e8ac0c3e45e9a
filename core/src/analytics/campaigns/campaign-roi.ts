import { z } from 'zod';
import { Money } from '../../shared/money.js';
import { compareCodePoints } from '../../shared/text.js';
import type { CampaignTotal } from '../report-queries.port.js';
import { ratio } from '../report.schema.js';
import { Campaign } from './campaign.schema.js';
import { reportingFigures } from '../currency/exchange-rate.schema.js';

export const CampaignCurrencyFigures = z.object({
  currency: z.string(),
  /** Deals sourced, whatever their status. */
  deals: z.number().int(),
  openCount: z.number().int(),
  openMinor: z.number().int(),
  weightedMinor: z.number().int(),
  wonCount: z.number().int(),
  wonMinor: z.number().int(),
  lostCount: z.number().int(),
  lostMinor: z.number().int(),
});
export type CampaignCurrencyFigures = z.infer<typeof CampaignCurrencyFigures>;

export const CampaignRoi = z.object({
  campaign: Campaign,
  cost: Money,
  /** One row per currency the sourced deals are in, by currency code. */
  byCurrency: z.array(CampaignCurrencyFigures),
  /** (won − cost) ÷ cost, in the cost's currency only (other currencies are never converted); null without a cost. */
  roi: z.number().nullable(),
  /** Open pipeline ÷ cost, in the cost's currency; null without a cost. */
  pipelineToCost: z.number().nullable(),
  /**
   * Cost (at its start date's rate), won (at close dates' rates), open and weighted pipeline (at
   * today's) in the reporting currency, and ROI across every currency when no rate was missing;
   * null when no reporting currency is set.
   */
  reporting: reportingFigures('costMinor', 'wonMinor', 'openMinor', 'weightedMinor').extend({ roi: z.number().nullable() }).nullable(),
});
export type CampaignRoi = z.infer<typeof CampaignRoi>;

/** A campaign's cost against the pipeline and revenue its deals brought, per currency. */
export function campaignRoi(campaign: Campaign, totals: readonly CampaignTotal[], reporting: CampaignRoi['reporting'] = null): CampaignRoi {
  const rows = new Map<string, CampaignCurrencyFigures>();
  for (const t of totals) {
    const row = rows.get(t.currency) ?? { currency: t.currency, deals: 0, openCount: 0, openMinor: 0, weightedMinor: 0, wonCount: 0, wonMinor: 0, lostCount: 0, lostMinor: 0 };
    row.deals += t.count;
    if (t.status === 'open') {
      row.openCount += t.count;
      row.openMinor += t.amountMinor;
      row.weightedMinor += t.weightedMinor;
    } else if (t.status === 'won') {
      row.wonCount += t.count;
      row.wonMinor += t.amountMinor;
    } else if (t.status === 'lost') {
      row.lostCount += t.count;
      row.lostMinor += t.amountMinor;
    }
    rows.set(t.currency, row);
  }
  const inCost = rows.get(campaign.cost.currency);
  const cost = campaign.cost.minor;
  return {
    campaign,
    cost: campaign.cost,
    byCurrency: [...rows.values()].sort((a, b) => compareCodePoints(a.currency, b.currency)),
    roi: cost === 0 ? null : ratio((inCost?.wonMinor ?? 0) - cost, cost),
    pipelineToCost: cost === 0 ? null : ratio(inCost?.openMinor ?? 0, cost),
    reporting,
  };
}
