import type { Pipeline } from '../../deals/pipeline.schema.js';
import type { DealSummary } from '../../lookup/customer-card.js';
import { compareCodePoints } from '../../shared/text.js';
import type { StageTotal } from '../../deals/deal-aggregates.port.js';

/** Open deals in one currency: how many, their amount and their probability-weighted amount. */
export interface CurrencyTotal {
  currency: string;
  count: number;
  amountMinor: number;
  weightedMinor: number;
}

export interface StageColumn {
  stageId: string;
  stageName: string;
  /** The stage's default win probability; null for a stage the pipeline no longer has. */
  probability: number | null;
  /** Open deals in the stage, all currencies together (a count can be added; money cannot). */
  count: number;
  /** One entry per currency, by currency code; empty for a stage with no open deals. */
  byCurrency: CurrencyTotal[];
}

/**
 * Open deals by stage, ready to draw as columns. Money is kept per currency everywhere:
 * two currencies are never added together.
 */
export interface PipelineBoard {
  pipelineId: string;
  pipelineName: string;
  /** Every stage in pipeline order, then any stage deals still sit in that the pipeline dropped. */
  stages: StageColumn[];
  /** Per currency over all stages, by currency code. */
  totals: CurrencyTotal[];
  count: number;
  /**
   * Open deals that have sat in their stage too long. Filled by the pipeline analytics when
   * it lands; always empty until then, so surfaces can already leave room for it.
   */
  staleDeals: DealSummary[];
}

const byCurrency = (a: CurrencyTotal, b: CurrencyTotal): number => compareCodePoints(a.currency, b.currency);

function add(into: Map<string, CurrencyTotal>, total: StageTotal): void {
  const seen = into.get(total.currency) ?? { currency: total.currency, count: 0, amountMinor: 0, weightedMinor: 0 };
  seen.count += total.count;
  seen.amountMinor += total.amountMinor;
  seen.weightedMinor += total.weightedMinor;
  into.set(total.currency, seen);
}

function column(stageId: string, stageName: string, probability: number | null, totals: readonly StageTotal[]): StageColumn {
  const currencies = new Map<string, CurrencyTotal>();
  for (const total of totals) add(currencies, total);
  const rows = [...currencies.values()].sort(byCurrency);
  return { stageId, stageName, probability, count: rows.reduce((n, r) => n + r.count, 0), byCurrency: rows };
}

/** Lays the Store's stage totals (see AggregateQueries.stageTotals) out in the pipeline's order. */
export function pipelineBoard(pipeline: Pipeline, stageTotals: readonly StageTotal[]): PipelineBoard {
  const known = new Set(pipeline.stages.map((s) => s.id));
  const stages = pipeline.stages.map((stage) =>
    column(stage.id, stage.name, stage.probability, stageTotals.filter((t) => t.stageId === stage.id)),
  );
  const dropped = [...new Set(stageTotals.map((t) => t.stageId).filter((id) => !known.has(id)))].sort(compareCodePoints);
  for (const stageId of dropped) stages.push(column(stageId, stageId, null, stageTotals.filter((t) => t.stageId === stageId)));
  const totals = new Map<string, CurrencyTotal>();
  for (const total of stageTotals) add(totals, total);
  const rows = [...totals.values()].sort(byCurrency);
  return {
    pipelineId: pipeline.id,
    pipelineName: pipeline.name,
    stages,
    totals: rows,
    count: rows.reduce((n, r) => n + r.count, 0),
    staleDeals: [],
  };
}
