import { addDays, instantOf, localDate, parseDate, wallTimeAt } from '../shared/time-zone.js';
import type { QuietHours } from '../users/user.schema.js';

const minutesOf = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * When the user's quiet hours end, if `now` falls inside them (in their time zone);
 * null when they may be pinged now. Quiet hours may wrap midnight (22:00–07:00).
 */
export function quietUntil(now: Date, timeZone: string, quiet: QuietHours | null): Date | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const wall = wallTimeAt(now, timeZone);
  const minute = wall.hour * 60 + wall.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return null;
  const today = localDate(now, timeZone);
  const endDay = start < end || minute < end ? today : addDays(today, 1);
  const { year, month, day } = parseDate(endDay);
  return instantOf({ year, month, day, hour: Math.floor(end / 60), minute: end % 60, second: 0 }, timeZone);
}
