import { z } from 'zod';
import { CurrencyCode } from '../shared/money.js';
import { CalendarDate } from '../shared/schema.js';

/** A person as reports name them. */
export const UserRef = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type UserRef = z.infer<typeof UserRef>;

/** Whose records a report covers. */
export const ScopeInfo = z.object({
  kind: z.enum(['user', 'team', 'everyone']),
  /** The user or team id; null for everyone. */
  id: z.string().nullable(),
  name: z.string(),
});
export type ScopeInfo = z.infer<typeof ScopeInfo>;

/** A period of calendar days in a time zone, and the instants it spans. */
export const DateRange = z.object({
  firstDay: CalendarDate,
  /** Included. */
  lastDay: CalendarDate,
  /** Midnight starting firstDay in `timeZone`, as an ISO instant. */
  start: z.string(),
  /** Midnight after lastDay in `timeZone` (excluded). */
  end: z.string(),
  timeZone: z.string(),
});
export type DateRange = z.infer<typeof DateRange>;

/** How many, and how much in one currency. */
export const CurrencyCount = z.object({ currency: CurrencyCode, count: z.number().int(), amountMinor: z.number().int() });
export type CurrencyCount = z.infer<typeof CurrencyCount>;

/** A ratio rounded to four decimals (0.3333), or null when it would divide by zero. */
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
