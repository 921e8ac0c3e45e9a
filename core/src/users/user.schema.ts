import { z } from 'zod';
import { DisplayName, Id, Instant, TimeZone } from '../shared/schema.js';

export const Role = z.enum(['rep', 'manager', 'admin']);
export type Role = z.infer<typeof Role>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 21:30.');

/** Hours in the user's own time zone when nothing should ping them. May wrap midnight. */
export const QuietHours = z.object({ start: ClockTime, end: ClockTime });
export type QuietHours = z.infer<typeof QuietHours>;

export const UserIdentities = z.object({
  slackUserId: z.string().min(1).nullable().default(null),
  entraObjectId: z.string().min(1).nullable().default(null),
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
  email: z.email('Use an email address such as ann@example.com.').transform((e) => e.toLowerCase()),
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
  email: z.email('Use an email address such as ann@example.com.').transform((e) => e.toLowerCase()).optional(),
  role: Role.optional(),
  teamId: Id.nullable().optional(),
  timeZone: TimeZone.optional(),
  quietHours: QuietHours.nullable().optional(),
  identities: z.strictObject({ slackUserId: z.string().min(1).nullable().optional(), entraObjectId: z.string().min(1).nullable().optional() }).optional(),
  active: z.boolean().optional(),
});
export type UserPatch = z.input<typeof UserPatch>;
