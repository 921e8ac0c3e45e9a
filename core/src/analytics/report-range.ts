import { invalidInput } from '../shared/errors.js';
import { addDays, localDate, periodRange, startOfLocalDay, isValidTimeZone, type Period } from '../shared/time-zone.js';
import type { User } from '../users/user.schema.js';
import type { DateRange } from './report.schema.js';

/**
 * Periods in the reader's time zone: a day, a week (Monday first) or a month is the one on the
 * reader's calendar, not UTC's, and is passed to the store as the UTC instants it spans.
 */
export interface ReportTime {
  now: Date;
  timeZone: string;
  /** The reader's calendar date now. */
  today: string;
}

/** The reader's zone (or one they asked for) and today's date in it. */
export function reportTime(user: User, now: Date, timeZone?: string): ReportTime {
  const zone = timeZone ?? user.timeZone;
  if (!isValidTimeZone(zone)) throw invalidInput(`Unknown time zone "${zone}". Use an IANA zone such as Europe/Berlin.`, [{ path: 'timeZone', message: 'Not an IANA time zone.' }]);
  return { now, timeZone: zone, today: localDate(now, zone) };
}

/** The calendar days from `firstDay` to `lastDay` (both included) in `timeZone`. */
export function dayRange(firstDay: string, lastDay: string, timeZone: string): DateRange {
  if (lastDay < firstDay) throw invalidInput(`The period ends (${lastDay}) before it starts (${firstDay}).`, [{ path: 'to', message: 'Before from.' }]);
  return {
    firstDay,
    lastDay,
    start: startOfLocalDay(firstDay, timeZone).toISOString(),
    end: startOfLocalDay(addDays(lastDay, 1), timeZone).toISOString(),
    timeZone,
  };
}

/** The day, week, month, quarter or year holding `date`, in `timeZone`. */
export function periodDays(period: Period, date: string, timeZone: string): DateRange {
  const range = periodRange(period, date, timeZone);
  return { firstDay: range.firstDay, lastDay: addDays(range.nextDay, -1), start: range.start.toISOString(), end: range.end.toISOString(), timeZone };
}

/** How many days a report looks back when no period is given: the last 90 days, today included. */
export const DEFAULT_LOOKBACK_DAYS = 90;

/** `from`…`to` as given, else the last DEFAULT_LOOKBACK_DAYS days up to today. */
export function lookback(time: ReportTime, from?: string, to?: string): DateRange {
  const last = to ?? time.today;
  return dayRange(from ?? addDays(last, 1 - DEFAULT_LOOKBACK_DAYS), last, time.timeZone);
}

/** The earlier of two ISO instants. */
export const earlier = (a: string, b: string): string => (a < b ? a : b);
