import { z } from 'zod';
import { isValidTimeZone } from './time-zone.js';

/** An entity id: a short kind prefix, an underscore, then lower-case letters and digits. */
export const Id = z.string().regex(/^[a-z]{2,8}_[0-9a-z]{1,40}$/, 'Not a Rapport id (like deal_01j…).');

/**
 * The calendar Rapport works in: dates and instants from 1900-01-01 to 9000-12-31 (UTC). Every
 * period the analytics derive from a date (its week, month, quarter or year, a 36-month span of
 * targets, a recurring reminder's next occurrence) then stays within four-digit years, where ISO
 * 8601 text sorts in time order and both databases hold it; the edges are far from any real deal.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '9000-12-31';
const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00.000Z`);
const LATEST_MS = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);
const OUT_OF_RANGE = `Use a date between ${EARLIEST_DATE} and ${LATEST_DATE}.`;

/** True for an instant inside Rapport's calendar (see EARLIEST_DATE). */
export function isWithinCalendar(at: Date): boolean {
  const ms = at.getTime();
  return ms >= EARLIEST_MS && ms <= LATEST_MS;
}

/** A stored instant: ISO 8601 in UTC. Input with an offset is accepted and converted. */
export const Instant = z.iso
  .datetime({ offset: true, message: 'Use an ISO 8601 date-time such as 2026-11-24T09:00:00Z.' })
  .transform((value) => new Date(value))
  .refine(isWithinCalendar, OUT_OF_RANGE)
  .transform((at) => at.toISOString())
  .meta({ description: `An ISO 8601 date-time between ${EARLIEST_DATE}T00:00:00Z and ${LATEST_DATE}T23:59:59Z.` });

/** A calendar date with no time of day ("2026-12-31"), inside Rapport's calendar. */
export const CalendarDate = z.iso
  .date({ message: 'Use a calendar date such as 2026-12-31.' })
  .refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, OUT_OF_RANGE)
  .meta({ description: `A calendar date between ${EARLIEST_DATE} and ${LATEST_DATE}.` });

export const TimeZone = z
  .string()
  .max(100, 'At most 100 characters.')
  .refine(isValidTimeZone, 'Use an IANA time zone such as Europe/Berlin or Asia/Shanghai.');

/** A name people see: trimmed, not empty, any script. */
export const DisplayName = (max = 200) =>
  z.string().trim().min(1, 'Cannot be empty.').max(max, `At most ${max} characters.`);

/** Free text that may be null. */
export const NullableText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).nullable();

/** Free text that may be left out (then null). Not for patches: a default would overwrite stored values. */
export const OptionalText = (max: number) => NullableText(max).default(null);

/** Where a change came from. */
export const Surface = z.enum(['api', 'cli', 'gmail', 'slack', 'teams', 'system', 'import', 'email']);
export type Surface = z.infer<typeof Surface>;
