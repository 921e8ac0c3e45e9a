import { z } from 'zod';
import { isValidTimeZone } from './time-zone.js';

/** An entity id: a short kind prefix, an underscore, then lower-case letters and digits. */
export const Id = z.string().regex(/^[a-z]{2,8}_[0-9a-z]{1,40}$/, 'Not a Rapport id (like deal_01j…).');

/** A stored instant: ISO 8601 in UTC. Input with an offset is accepted and converted. */
export const Instant = z.iso
  .datetime({ offset: true, message: 'Use an ISO 8601 date-time such as 2026-11-24T09:00:00Z.' })
  .transform((value) => new Date(value).toISOString());

/** A calendar date with no time of day ("2026-12-31"). */
export const CalendarDate = z.iso.date({ message: 'Use a calendar date such as 2026-12-31.' });

export const TimeZone = z
  .string()
  .refine(isValidTimeZone, 'Use an IANA time zone such as Europe/Berlin or Asia/Shanghai.');

/** A name people see: trimmed, not empty, any script. */
export const DisplayName = (max = 200) =>
  z.string().trim().min(1, 'Cannot be empty.').max(max, `At most ${max} characters.`);

/** Free text that may be null. */
export const NullableText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).nullable();

/** Free text that may be left out (then null). Not for patches: a default would overwrite stored values. */
export const OptionalText = (max: number) => NullableText(max).default(null);

/** Where a change came from. */
export const Surface = z.enum(['api', 'cli', 'gmail', 'slack', 'teams', 'system', 'import']);
export type Surface = z.infer<typeof Surface>;
