import type { DealEdit } from '@rapport/core';
import type { CardEntry, LookupView, PersonView, PipelineView, ReminderView, WriteResult } from '../shared/views.js';
import type { NewDeal } from '../shared/protocol.js';

/** An email to log, as the content script read it from Gmail (the core's CapturedEmail, with Gmail's own id). */
export interface LogEmailInput {
  email: string;
  gmailId: string;
  messageId: string;
  subject: string;
  occurredAt: string | null;
  participants: string[];
  text: string;
}

/** A new contact from a sender (the core's SenderInput). */
export interface CreateContactInput {
  name: string;
  email: string;
  company: string | null;
  domain: string | null;
}

/** A reminder from the card or the popup (the core's CapturedReminder). */
export interface ReminderInput {
  title: string;
  due: string;
  contactId: string | null;
  accountId: string | null;
  dealId: string | null;
  email: string | null;
}

export interface DueReminder extends ReminderView {
  /** Who or what it is about, for the popup and notifications. */
  about: string | null;
}

export interface Notice {
  key: string;
  reminder: DueReminder;
}

/**
 * What the extension can do, whichever way it is set up: against a hub (with the cache and the
 * outbox) or in local mode (core services over IndexedDB). The message router calls these.
 */
export interface Backend {
  readonly mode: 'hub' | 'local';
  me(): Promise<PersonView | null>;
  cachedCards(emails: string[]): Promise<CardEntry[]>;
  freshCards(emails: string[]): Promise<CardEntry[]>;
  /** Which of these Gmail message ids are logged. */
  logged(gmailIds: string[]): Promise<string[]>;
  logEmail(input: LogEmailInput): Promise<WriteResult>;
  createContact(input: CreateContactInput): Promise<WriteResult>;
  /** Saves every field of the edit, or refuses saying what was not saved. */
  updateDeal(dealId: string, version: number, edit: DealEdit, label: string): Promise<WriteResult>;
  createDeal(input: NewDeal, label: string): Promise<WriteResult>;
  createReminder(input: ReminderInput): Promise<WriteResult>;
  dueReminders(): Promise<DueReminder[]>;
  completeReminder(id: string, version: number): Promise<WriteResult>;
  snoozeReminder(id: string, version: number, words: string): Promise<WriteResult>;
  search(q: string): Promise<LookupView[]>;
  pipelines(): Promise<PipelineView[]>;
  /** Reminders that came due and should ping the rep. */
  notices(): Promise<Notice[]>;
  /** Sends what waits in the outbox; true when the hub was reachable. */
  sync(): Promise<boolean>;
  outbox(): Promise<{ pending: number; refused: Array<{ seq: number; label: string; message: string }> }>;
  dismiss(seq: number): Promise<void>;
}
