import { z } from 'zod';
import { DisplayName, Id, Instant, TimeZone } from '../shared/schema.js';

export const Role = z.enum(['rep', 'manager', 'admin']);
export type Role = z.infer<typeof Role>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 21:30.');

/** Hours in the user's own time zone when nothing should ping them. May wrap midnight. */
export const QuietHours = z.object({ start: ClockTime, end: ClockTime });
export type QuietHours = z.infer<typeof QuietHours>;

/** A Slack user id (U024BE7LH) or an Entra object id (a GUID): short, but room for other formats. */
const IdentityValue = z.string().trim().min(1, 'Cannot be empty.').max(100, 'At most 100 characters.');

/** An email address of a person, at most 254 characters (RFC 5321's path limit). */
const PersonEmail = z
  .string()
  .max(254, 'At most 254 characters.')
  .pipe(z.email('Use an email address such as ann@example.com.'))
  .transform((e) => e.toLowerCase());

export const UserIdentities = z.object({
  slackUserId: IdentityValue.nullable().default(null),
  entraObjectId: IdentityValue.nullable().default(null),
});

export const User = z.object({
  id: Id,
  name: DisplayName(),
  email: z.email().transform((e) => e.toLowerCase()),
  role: Role,
  teamId: Id.nullable(),
  timeZone: TimeZone,
  quietHours: QuietHours.nullable(),
  identities: UserIdentities,
  active: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type User = z.infer<typeof User>;

export const Team = z.object({
  id: Id,
  name: DisplayName(),
  createdAt: Instant,
});
export type Team = z.infer<typeof Team>;

export const UserInput = z.strictObject({
  name: DisplayName(),
  email: PersonEmail,
  role: Role.default('rep'),
  teamId: Id.nullable().default(null),
  timeZone: TimeZone.default('UTC'),
  quietHours: QuietHours.nullable().default(null),
  identities: UserIdentities.default({ slackUserId: null, entraObjectId: null }),
});
export type UserInput = z.input<typeof UserInput>;

/** Only the fields sent change; nothing here has a default. */
export const UserPatch = z.strictObject({
  name: DisplayName().optional(),
  email: PersonEmail.optional(),
  role: Role.optional(),
  teamId: Id.nullable().optional(),
  timeZone: TimeZone.optional(),
  quietHours: QuietHours.nullable().optional(),
  identities: z.strictObject({ slackUserId: IdentityValue.nullable().optional(), entraObjectId: IdentityValue.nullable().optional() }).optional(),
  active: z.boolean().optional(),
});
export type UserPatch = z.input<typeof UserPatch>;
