import {
  Account,
  Activity,
  Contact,
  CustomFieldDefinition,
  Deal,
  MATCH_REASONS,
  Pipeline,
  Reminder,
  ReminderDelivery,
  Role,
  StageChange,
  Team,
  User,
} from '@rapport/core';
import { z } from 'zod';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['sqlite', 'postgres', 'memory', 'indexeddb']),
  version: z.string(),
});

export const LookupMatch = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), contact: Contact, account: Account.nullable(), matchedBy: z.enum(MATCH_REASONS) }),
  z.object({ kind: z.literal('account'), account: Account, matchedBy: z.enum(MATCH_REASONS) }),
]);

export const LookupResult = z.object({ items: z.array(LookupMatch) });

export const PersonRef = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const CustomerCard = z.object({
  contact: Contact.nullable(),
  account: Account.nullable(),
  colleagues: z.array(Contact),
  openDeals: z.array(z.object({ deal: Deal, stageName: z.string(), daysInStage: z.number().int() })),
  lastActivities: z.array(Activity),
  openReminders: z.array(Reminder),
  people: z.record(z.string(), PersonRef),
  matchedBy: z.enum(['email', 'canonical_email', 'domain', 'id']),
  /** The custom fields cards show (showOnCard), of every kind; absent from older hubs. */
  fieldDefinitions: z.array(CustomFieldDefinition).default([]),
});

export const LoggedActivity = z.object({ activity: Activity, created: z.boolean() });

export const CompletedReminder = z.object({ reminder: Reminder, next: Reminder.nullable() });

export const ReminderWithDeliveries = Reminder.extend({ deliveries: z.array(ReminderDelivery).optional() });

/** A token as listed: never the secret, never the hash. */
export const TokenInfo = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const CreatedToken = TokenInfo.extend({
  /** Shown once: store it now. */
  secret: z.string(),
});

export const Me = z.object({ user: User, team: Team.nullable() });

export { Account, Activity, Contact, Deal, Pipeline, Reminder, Role, StageChange, Team, User };
