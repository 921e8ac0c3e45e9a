/**
 * What the reporting-currency figures need that the per-currency totals do not say: on which
 * day money closed, since a closed deal converts at its close date's rate. A day is the UTC
 * calendar date of `closedAt` (its first ten characters). Rules of store.port.ts hold here too.
 */

/** Deals closed (won or lost) with `closedAt` in [from, to) when given. */
export interface ClosedByDayFilter {
  statuses: ReadonlyArray<'won' | 'lost'>;
  from?: string;
  to?: string;
  ownerIds?: readonly string[];
  pipelineId?: string;
  campaignId?: string;
}

export interface ClosedDayTotal {
  status: 'won' | 'lost';
  currency: string;
  /** The UTC calendar date of closedAt. */
  day: string;
  count: number;
  amountMinor: number;
}

/** One account's won amount in one currency on one close day, for won deals closed before `asOf`. */
export interface AccountWonDay {
  accountId: string;
  currency: string;
  day: string;
  amountMinor: number;
}

export interface ReportingQueries {
  /** Order: status, currency, day. */
  closedByDay(filter: ClosedByDayFilter): Promise<ClosedDayTotal[]>;
  /**
   * Won deals closed before `asOf`, summed per account, currency and close
   * day (bounded by won deals; read only when a reporting currency is set). Order: account id, currency, day.
   */
  accountWonByDay(filter: { asOf: string }): Promise<AccountWonDay[]>;
}
