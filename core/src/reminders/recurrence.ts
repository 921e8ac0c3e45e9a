import { addDays, addMonths, instantOf, localDate, parseDate, wallTimeAt } from '../shared/time-zone.js';
import type { Recurrence } from './reminder.schema.js';

/**
 * The first occurrence after `now` of a series that started at `dueAt`, keeping its
 * wall-clock time in `timeZone` (a 9:00 weekly reminder stays at 9:00 across DST).
 */
export function nextOccurrence(dueAt: string, recurrence: Recurrence, timeZone: string, now: Date): Date {
  const start = new Date(dueAt);
  const wall = wallTimeAt(start, timeZone);
  let date = localDate(start, timeZone);
  const step = (d: string): string => {
    switch (recurrence.frequency) {
      case 'daily':
        return addDays(d, recurrence.interval);
      case 'weekly':
        return addDays(d, 7 * recurrence.interval);
      case 'monthly':
        return addMonths(d, recurrence.interval);
    }
  };
  for (let i = 0; i < 10_000; i += 1) {
    date = recurrence.frequency === 'monthly' ? addMonths(localDate(start, timeZone), recurrence.interval * (i + 1)) : step(date);
    const { year, month, day } = parseDate(date);
    const at = instantOf({ year, month, day, hour: wall.hour, minute: wall.minute, second: wall.second }, timeZone);
    if (at > now) return at;
  }
  throw new RangeError('Recurrence never reaches the future');
}
