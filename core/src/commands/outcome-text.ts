import { formatMoney, type Money } from '../shared/money.js';
import { isoWeekday, localDate, wallTimeAt } from '../shared/time-zone.js';

/**
 * The small pieces the one-sentence summaries are made of. Plain text only: a surface that
 * wants bold names or links builds them from the outcome's data, not from these strings.
 */

/** A name or title as it appears inside a sentence: “Acme renewal”. */
export const quoted = (text: string): string => `“${text}”`;

/** "1 deal", "3 deals"; "1 match", "2 matches". */
export const count = (n: number, noun: string, plural = `${noun}s`): string => `${n} ${n === 1 ? noun : plural}`;

/** "a, b and c" (or "a, b or c"). */
export function listed(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1) ?? ''}`;
}

export const money = (value: Money): string => formatMoney(value);

/** Amounts in several currencies side by side, never added: "$12,500 and €9,000". */
export function moneyByCurrency(totals: ReadonlyArray<{ currency: string; minor: number }>): string {
  return listed(totals.map((t) => formatMoney({ currency: t.currency, minor: t.minor })));
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The wall-clock time in a zone, "2026-11-19 09:00". */
export function localDateTime(instant: Date, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  return `${localDate(instant, timeZone)} ${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
}

/** The same with its weekday, for sentences: "Thu 2026-11-19 09:00". */
export function weekdayDateTime(instant: Date, timeZone: string): string {
  return `${WEEKDAYS[isoWeekday(localDate(instant, timeZone)) - 1] ?? ''} ${localDateTime(instant, timeZone)}`;
}
