import type { RfmScores } from './rfm.js';
import { DAY_MS } from '../stages/stage-times.js';
import { instantMs } from './ranking.js';

/**
 * Churn warnings. A valuable account (monetary or frequency score ≥ 4) is a churn risk when it
 * has gone quiet for longer than usual for it, or has gone longer than usual without buying:
 *
 * - usual touch interval = (last activity − first activity) ÷ (activities − 1), needing at
 *   least CHURN_MIN_TOUCHES activities; quiet when the silence since the last activity is at
 *   least CHURN_MIN_SILENCE_DAYS and more than the sensitivity factor × that interval;
 * - usual order interval = (last won − first won) ÷ (won deals − 1), needing CHURN_MIN_ORDERS
 *   won deals; buying less when the time since the last won deal is at least
 *   CHURN_MIN_SILENCE_DAYS and more than the factor × that interval (two orders a second apart
 *   a minute ago are no warning).
 *
 * Times are whole epoch seconds and the comparisons are cross-multiplied integers: no rounding
 * decides a verdict.
 */
export const VALUABLE: { minMonetary: number; minFrequency: number } = { minMonetary: 4, minFrequency: 4 };
export const CHURN_MIN_TOUCHES = 3;
export const CHURN_MIN_SILENCE_DAYS = 14;
export const CHURN_MIN_ORDERS = 2;

export const epochSeconds = (instant: string): number => Math.floor(instantMs(instant) / 1000);

export const isValuable = (s: RfmScores): boolean => s.monetary >= VALUABLE.minMonetary || s.frequency >= VALUABLE.minFrequency;

export type ChurnReason = 'quiet' | 'buying_less';

/** The numbers of the churn rule; CHURN_RULE holds the ones the product uses, with a team's factor. */
export interface ChurnRule {
  factorPercent: number;
  minTouches: number;
  minSilenceSeconds: number;
  minOrders: number;
}

export const churnRule = (factorPercent: number): ChurnRule => ({
  factorPercent,
  minTouches: CHURN_MIN_TOUCHES,
  minSilenceSeconds: (CHURN_MIN_SILENCE_DAYS * DAY_MS) / 1000,
  minOrders: CHURN_MIN_ORDERS,
});

/** What the rule looks at: the account's orders and its touches (activities). */
export interface ChurnEvidence {
  orders: number;
  firstOrderAt: string;
  lastOrderAt: string;
  touches: number;
  firstTouchAt: string | null;
  lastTouchAt: string | null;
}

/** Whether `count` events from `first` to `last` have been followed by a silence too long for them. */
function overdue(count: number, minCount: number, first: string | null, last: string | null, asOf: number, factorPercent: number, minSilence: number): boolean {
  if (count < minCount || first === null || last === null) return false;
  const span = epochSeconds(last) - epochSeconds(first);
  const silence = asOf - epochSeconds(last);
  return span > 0 && silence >= minSilence && silence * (count - 1) * 100 > factorPercent * span;
}

/** The churn reasons that hold for an account at `asOf`, by the rule above. */
export function churnReasons(account: ChurnEvidence, asOf: string, rule: ChurnRule): ChurnReason[] {
  const now = epochSeconds(asOf);
  const reasons: ChurnReason[] = [];
  if (overdue(account.touches, rule.minTouches, account.firstTouchAt, account.lastTouchAt, now, rule.factorPercent, rule.minSilenceSeconds)) reasons.push('quiet');
  if (overdue(account.orders, rule.minOrders, account.firstOrderAt, account.lastOrderAt, now, rule.factorPercent, rule.minSilenceSeconds)) reasons.push('buying_less');
  return reasons;
}

/** An average gap between `count` events from `first` to `last`, in days (two decimals); null with fewer than two. */
export function usualIntervalDays(count: number, first: string | null, last: string | null): number | null {
  if (count < 2 || first === null || last === null) return null;
  return Math.round(((Date.parse(last) - Date.parse(first)) / (count - 1) / DAY_MS) * 100) / 100;
}
