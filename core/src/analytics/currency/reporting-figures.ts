import type { StageTotal } from '../../deals/deal-aggregates.port.js';
import type { Campaign } from '../campaigns/campaign.schema.js';
import type { CampaignTotal } from '../report-queries.port.js';
import { ratio } from '../report.schema.js';
import type { Target } from '../targets/target.schema.js';
import { convertMinor, ReportingSum, type RateTable, type ReportingFigures } from './conversion.js';
import type { RankingCurrency } from './exchange-rate.schema.js';
import type { AccountWonDay, ClosedDayTotal } from './reporting-queries.port.js';

/*
 * Each report's figures in the reporting currency. The rule everywhere: a closed deal converts
 * at the rate of its close date, an open deal (and anything not yet due) at today's rate, each
 * the latest rate on or before that date; an amount without one is left out and listed.
 * Open deals of one currency share today's rate, so their per-currency totals convert at once.
 */

interface OpenAmounts {
  currency: string;
  count: number;
  amountMinor: number;
  weightedMinor: number;
}

/** Open deals by currency (the board's totals, or stage totals added up). */
function openByCurrency(rows: readonly OpenAmounts[]): OpenAmounts[] {
  const byCurrency = new Map<string, OpenAmounts>();
  for (const r of rows) {
    const seen = byCurrency.get(r.currency) ?? { currency: r.currency, count: 0, amountMinor: 0, weightedMinor: 0 };
    seen.count += r.count;
    seen.amountMinor += r.amountMinor;
    seen.weightedMinor += r.weightedMinor;
    byCurrency.set(r.currency, seen);
  }
  return [...byCurrency.values()];
}

/** The board: open deals' amount and weighted amount at today's rate. */
export function boardReporting(table: RateTable, totals: readonly OpenAmounts[], today: string): ReportingFigures<'amountMinor' | 'weightedMinor'> {
  const sum = new ReportingSum(table, ['amountMinor', 'weightedMinor'] as const);
  for (const t of openByCurrency(totals)) sum.add(t.currency, today, { amountMinor: t.amountMinor, weightedMinor: t.weightedMinor }, t);
  return sum.result();
}

type ForecastKey = 'closedWonMinor' | 'commitMinor' | 'bestCaseMinor' | 'weightedPipelineMinor';

/** What the forecast's total row holds per currency. */
interface ForecastCurrency {
  currency: string;
  closedWonMinor: number;
  commitMinor: number;
  bestCaseMinor: number;
  openCount: number;
  weightedPipelineMinor: number;
}

/**
 * The forecast's total: wins at their close dates' rates, the open part of commit and best case
 * and the weighted pipeline at today's.
 */
export function forecastReporting(table: RateTable, total: readonly ForecastCurrency[], wonByDay: readonly ClosedDayTotal[], today: string): ReportingFigures<ForecastKey> {
  const sum = new ReportingSum<ForecastKey>(table, ['closedWonMinor', 'commitMinor', 'bestCaseMinor', 'weightedPipelineMinor']);
  for (const w of wonByDay) sum.add(w.currency, w.day, { closedWonMinor: w.amountMinor, commitMinor: w.amountMinor, bestCaseMinor: w.amountMinor }, w);
  for (const f of total) {
    const open = f.bestCaseMinor - f.closedWonMinor;
    sum.add(f.currency, today, { commitMinor: f.commitMinor - f.closedWonMinor, bestCaseMinor: open, weightedPipelineMinor: f.weightedPipelineMinor }, { count: f.openCount, amountMinor: open });
  }
  return sum.result();
}

/** The funnel: won in the period at close dates' rates, the open pipeline at today's. */
export function funnelReporting(table: RateTable, wonByDay: readonly ClosedDayTotal[], open: readonly StageTotal[], today: string): ReportingFigures<'wonMinor' | 'openMinor'> {
  const sum = new ReportingSum(table, ['wonMinor', 'openMinor'] as const);
  for (const w of wonByDay) sum.add(w.currency, w.day, { wonMinor: w.amountMinor }, w);
  for (const o of openByCurrency(open)) sum.add(o.currency, today, { openMinor: o.amountMinor }, o);
  return sum.result();
}

/** The last day of a month "2026-02" → "2026-02-28". */
function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/** Targets: a past month's at the rate of its last day, this month's and later ones at today's. */
export function targetsReporting(table: RateTable, targets: readonly Target[], today: string): ReportingFigures<'targetMinor'> {
  const sum = new ReportingSum(table, ['targetMinor'] as const);
  for (const t of targets) {
    const end = lastDayOf(t.month);
    sum.add(t.amount.currency, end < today ? end : today, { targetMinor: t.amount.minor }, { count: 1, amountMinor: t.amount.minor });
  }
  return sum.result();
}

export type CampaignReporting = ReportingFigures<'costMinor' | 'wonMinor' | 'openMinor' | 'weightedMinor'> & { roi: number | null };

/**
 * A campaign: its cost at the rate of its start date (today's if it starts later), wins at
 * their close dates' rates, open deals at today's. ROI is given only when nothing was left out
 * and there is a cost: a ratio of partial sums would mislead.
 */
export function campaignReporting(table: RateTable, campaign: Campaign, totals: readonly CampaignTotal[], wonByDay: readonly ClosedDayTotal[], today: string): CampaignReporting {
  const sum = new ReportingSum(table, ['costMinor', 'wonMinor', 'openMinor', 'weightedMinor'] as const);
  const costDate = campaign.startDate < today ? campaign.startDate : today;
  sum.add(campaign.cost.currency, costDate, { costMinor: campaign.cost.minor }, { count: 1, amountMinor: campaign.cost.minor });
  for (const w of wonByDay) sum.add(w.currency, w.day, { wonMinor: w.amountMinor }, w);
  for (const o of openByCurrency(totals.filter((t) => t.status === 'open'))) sum.add(o.currency, today, { openMinor: o.amountMinor, weightedMinor: o.weightedMinor }, o);
  const figures = sum.result();
  const roi = figures.missingRates.length > 0 || figures.costMinor === 0 ? null : ratio(figures.wonMinor - figures.costMinor, figures.costMinor);
  return { ...figures, roi };
}

/**
 * Customer value in the reporting currency: each account's won amounts, each at its close
 * date's rate, as one amount to rank by (`byCurrency` of one entry, or none when every amount
 * lacked a rate), in the order of `orders`.
 */
export function rankingAmounts<O extends { accountId: string }>(
  table: RateTable,
  orders: readonly O[],
  wonByDay: readonly AccountWonDay[],
): { rankBy: Array<O & { byCurrency: Array<{ currency: string; amountMinor: number }> }>; ranking: RankingCurrency } {
  const left = new ReportingSum(table, [] as const);
  const converted = new Map<string, number>();
  for (const w of wonByDay) {
    const rate = table.rateOn(w.currency, w.day);
    if (rate === null) left.add(w.currency, w.day, {}, { count: 1, amountMinor: w.amountMinor });
    else converted.set(w.accountId, (converted.get(w.accountId) ?? 0) + convertMinor(w.amountMinor, w.currency, table.quote, rate));
  }
  const rankBy = orders.map((o) => {
    const amount = converted.get(o.accountId);
    return { ...o, byCurrency: amount === undefined ? [] : [{ currency: table.quote, amountMinor: amount }] };
  });
  return { rankBy, ranking: { currency: table.quote, missingRates: left.result().missingRates } };
}
