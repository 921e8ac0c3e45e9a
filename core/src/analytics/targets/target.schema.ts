import { z } from 'zod';
import { Money } from '../../shared/money.js';
import { EARLIEST_DATE, Id, Instant, LATEST_DATE } from '../../shared/schema.js';
import { reportingFigures } from '../currency/exchange-rate.schema.js';

/** A calendar month, "2026-03". */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month such as 2026-03.')
  .refine((month) => month >= EARLIEST_DATE.slice(0, 7) && month <= LATEST_DATE.slice(0, 7), `Use a month between ${EARLIEST_DATE.slice(0, 7)} and ${LATEST_DATE.slice(0, 7)}.`);
export type Month = z.infer<typeof Month>;

/**
 * A rep's quota for one month in one currency: what they should win. One per user, month and
 * currency; a quarter's or a year's target is the sum of its months' in each currency.
 */
export const Target = z.object({
  id: Id,
  userId: Id,
  month: Month,
  amount: Money,
  version: z.number().int().min(1),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Target = z.infer<typeof Target>;

export const TargetInput = z.strictObject({
  userId: Id,
  month: Month,
  amount: Money,
});
export type TargetInput = z.input<typeof TargetInput>;

export const TargetPatch = z.strictObject({ amount: Money });
export type TargetPatch = z.input<typeof TargetPatch>;

/** Targets of a scope, and their sum in the reporting currency (null when none is set). */
export const TargetList = z.object({
  items: z.array(Target),
  /** A past month's targets at the rate of its last day, the current and later months' at today's. */
  reporting: reportingFigures('targetMinor').nullable(),
});
export type TargetList = z.infer<typeof TargetList>;

/** The months from `from` to `to`, both included. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  while (year < toYear || (year === toYear && month <= toMonth)) {
    out.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/** The month a calendar date falls in. */
export const monthOf = (date: string): Month => date.slice(0, 7);
