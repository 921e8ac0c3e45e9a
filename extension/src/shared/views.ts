/**
 * The shapes the worker answers with, as the UI reads them. The records are the hub's
 * (see @rapport/core); only the fields the UI shows are named here.
 */
import type { CustomFieldDefinition, CustomFieldValues } from '@rapport/core';

export interface PersonView {
  id: string;
  name: string;
  email: string;
}

export interface MoneyView {
  minor: number;
  currency: string;
}

export interface DealView {
  id: string;
  title: string;
  amount: MoneyView;
  stageId: string;
  pipelineId: string;
  expectedCloseDate: string | null;
  status: string;
  version: number;
  ownerId: string;
  customFields?: CustomFieldValues;
}

export interface ActivityView {
  id: string;
  type: string;
  subject: string | null;
  occurredAt: string;
  authorId: string;
  externalId: string | null;
}

export interface ReminderView {
  id: string;
  title: string;
  dueAt: string;
  snoozedUntil: string | null;
  status: string;
  version: number;
  contactId: string | null;
  accountId: string | null;
  dealId: string | null;
}

export interface CardView {
  contact: { id: string; name: string; emails: string[]; title: string | null; phones: string[]; customFields?: CustomFieldValues } | null;
  account: { id: string; name: string; domains: string[]; lifecycle: string; customFields?: CustomFieldValues } | null;
  openDeals: Array<{ deal: DealView; stageName: string; daysInStage: number }>;
  lastActivities: ActivityView[];
  openReminders: ReminderView[];
  people: Record<string, PersonView>;
  matchedBy: string;
  /** The custom fields cards show; absent in cards saved before custom fields. */
  fieldDefinitions?: CustomFieldDefinition[];
}

/** One participant's card as the worker has it: from the cache at once, then fresh. */
export interface CardEntry {
  email: string;
  card: CardView | null;
  /** When this was fetched; null when it was never seen. */
  savedAt: string | null;
  /** False when shown from the cache only (offline, or not refreshed yet). */
  fresh: boolean;
  /** For someone not yet a contact: the company to create with them, from their web domain (never a free-mail or the rep's own domain). */
  suggestion?: { domain: string | null; company: string | null };
  /** On the rep's never-log list: never looked up, never logged. */
  neverLogged?: boolean;
}

export interface StatusView {
  mode: 'unset' | 'hub' | 'local';
  online: boolean;
  me: PersonView | null;
  pending: number;
  refused: Array<{ seq: number; label: string; message: string }>;
}

export interface PipelineView {
  id: string;
  name: string;
  /** In order; `outcome` marks a stage that closes a deal entering it as won or lost. */
  stages: Array<{ id: string; name: string; outcome?: 'won' | 'lost' }>;
}

export interface WriteResult {
  /** True when the change waits in the outbox (the hub is out of reach). */
  queued: boolean;
}

export interface LookupView {
  kind: 'contact' | 'account';
  id: string;
  name: string;
  detail: string;
  email: string | null;
  /** The account a deal for this match belongs to: the account itself, or the contact's. */
  account: { id: string; name: string } | null;
}
