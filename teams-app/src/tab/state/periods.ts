/** The calendar periods the reports step through. */
export type Period = 'day' | 'week' | 'month' | 'quarter';

const MONTHS: Record<Extract<Period, 'month' | 'quarter'>, number> = { month: 1, quarter: 3 };

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The first day of the period `steps` periods away from the one starting on `firstDay` (a
 * calendar date, "2026-11-16"): a day, a week (7 days) or a month or quarter (the 1st of the
 * month 1 or 3 months on). Pure calendar arithmetic, so no time zone is involved.
 */
export function shiftPeriod(firstDay: string, period: Period, steps: number): string {
  const [year, month, day] = firstDay.split('-').map(Number) as [number, number, number];
  if (period === 'day') return isoDate(new Date(Date.UTC(year, month - 1, day + steps)));
  if (period === 'week') return isoDate(new Date(Date.UTC(year, month - 1, day + 7 * steps)));
  return isoDate(new Date(Date.UTC(year, month - 1 + MONTHS[period] * steps, 1)));
}

/** The last day of the period starting on `firstDay`. */
export const lastDayOf = (firstDay: string, period: Period): string => shiftPeriod(shiftPeriod(firstDay, period, 1), 'day', -1);

const NAMES: Record<Period, { current: string; previous: string; next: string }> = {
  day: { current: 'Today', previous: 'Previous day', next: 'Next day' },
  week: { current: 'This week', previous: 'Previous week', next: 'Next week' },
  month: { current: 'This month', previous: 'Previous month', next: 'Next month' },
  quarter: { current: 'This quarter', previous: 'Previous quarter', next: 'Next quarter' },
};

/** What the period buttons say. */
export const periodNames = (period: Period): { current: string; previous: string; next: string } => NAMES[period];
