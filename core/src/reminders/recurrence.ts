import { isWithinCalendar } from '../shared/schema.js';
import { addDays, addMonths, instantOf, localDate, parseDate, wallTimeAt } from '../shared/time-zone.js';
import type { Recurrence } from './reminder.schema.js';

const DAY_MS = 86_400_000;

/**
 * The first occurrence after `now` of a series that started at `dueAt`, keeping its
 * wall-clock time in `timeZone` (a 9:00 weekly reminder stays at 9:00 across DST).
 * A series long in the past jumps straight to the present. Null when the next occurrence
 * would fall after the end of Rapport's calendar (9000-12-31): the series ends there.
 */
export function nextOccurrence(dueAt: string, recurrence: Recurrence, timeZone: string, now: Date): Date | null {
  const start = new Date(dueAt);
  const wall = wallTimeAt(start, timeZone);
  const startDate = localDate(start, timeZone);
  const monthly = recurrence.frequency === 'monthly';
  const stepDays = recurrence.frequency === 'weekly' ? 7 * recurrence.interval : recurrence.interval;
  const occurrence = (n: number): string => (monthly ? addMonths(startDate, recurrence.interval * n) : addDays(startDate, stepDays * n));
  // Whole steps certainly behind `now` (one step of slack for time zones and month lengths).
  const behind = monthly
    ? (() => {
        const from = parseDate(startDate);
        const to = parseDate(localDate(now, timeZone));
        return Math.floor(((to.year - from.year) * 12 + to.month - from.month) / recurrence.interval) - 1;
      })()
    : Math.floor((now.getTime() - start.getTime()) / DAY_MS / stepDays) - 1;
  for (let n = Math.max(1, behind); ; n += 1) {
    const { year, month, day } = parseDate(occurrence(n));
    const at = instantOf({ year, month, day, hour: wall.hour, minute: wall.minute, second: wall.second }, timeZone);
    if (!isWithinCalendar(at)) return null;
    if (at > now) return at;
  }
}
