export interface StageTotalsFilter {
  pipelineId: string;
  ownerIds?: readonly string[];
  closeFrom?: string;
  closeTo?: string;
}

/** Open deals of one stage in one currency. */
export interface StageTotal {
  stageId: string;
  currency: string;
  count: number;
  amountMinor: number;
  /**
   * Σ floor((amountMinor × probability + 50) / 100) over the deals, in integer arithmetic:
   * each deal's weighted amount rounds half up, then they are added.
   */
  weightedMinor: number;
}

export interface AggregateQueries {
  /** Open deals grouped by stage and currency. Order: stage id, then currency. */
  stageTotals(filter: StageTotalsFilter): Promise<StageTotal[]>;
}
