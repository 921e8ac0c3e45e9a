import { z } from 'zod';
import { ScopeInfo, UserRef } from '../report.schema.js';
import { RankingCurrency } from '../currency/exchange-rate.schema.js';

/** The RFM segment an account falls in (see SEGMENT_RULES in rfm.ts). */
export const Segment = z.enum(['champions', 'loyal', 'new', 'promising', 'at_risk', 'hibernating']);
export type Segment = z.infer<typeof Segment>;

const Amount = z.object({ currency: z.string(), amountMinor: z.number().int() });

export const AccountValueView = z.object({
  accountId: z.string(),
  accountName: z.string(),
  owner: UserRef.nullable(),
  /** 1–5 each, against every buying account of the company. */
  recency: z.number().int(),
  frequency: z.number().int(),
  monetary: z.number().int(),
  segment: Segment,
  /** Won deals. */
  orders: z.number().int(),
  firstOrderAt: z.string(),
  lastOrderAt: z.string(),
  /** Won amounts, per currency. */
  byCurrency: z.array(Amount),
  /** Activities logged about the account. */
  touches: z.number().int(),
  lastTouchAt: z.string().nullable(),
});
export type AccountValueView = z.infer<typeof AccountValueView>;

export const SegmentSummary = z.object({
  segment: Segment,
  rule: z.string(),
  accounts: z.number().int(),
  orders: z.number().int(),
  byCurrency: z.array(Amount),
});
export type SegmentSummary = z.infer<typeof SegmentSummary>;

export const SegmentsReport = z.object({
  scope: ScopeInfo,
  asOf: z.string(),
  /** Every segment, in rule order, with how many of the scope's accounts are in it. */
  segments: z.array(SegmentSummary),
  /** The segment whose accounts are listed; null when none was asked for. */
  segment: Segment.nullable(),
  accounts: z.array(AccountValueView),
  /** Which currency the monetary scores ranked in. */
  ranking: RankingCurrency,
});
export type SegmentsReport = z.infer<typeof SegmentsReport>;

export const ChurnRisk = AccountValueView.extend({
  reasons: z.array(z.enum(['quiet', 'buying_less'])),
  /** Days since the last activity; null without any. */
  silentDays: z.number().int().nullable(),
  usualTouchIntervalDays: z.number().nullable(),
  daysSinceLastOrder: z.number().int(),
  usualOrderIntervalDays: z.number().nullable(),
  /** The churn sensitivity of the owner's team. */
  sensitivity: z.enum(['low', 'normal', 'high']),
});
export type ChurnRisk = z.infer<typeof ChurnRisk>;

export const ChurnRisks = z.object({
  scope: ScopeInfo,
  asOf: z.string(),
  risks: z.array(ChurnRisk),
  /** Which currency the monetary scores ranked in. */
  ranking: RankingCurrency,
});
export type ChurnRisks = z.infer<typeof ChurnRisks>;

