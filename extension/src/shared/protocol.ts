import { DealEdit } from '@rapport/core';
import { z } from 'zod';

/**
 * Every message between the content script, the popup, the options page and the background
 * worker, validated with zod on both ends. Records travel as the hub's JSON (typed loosely
 * here: the worker got them from the typed client or from core, and the UI only reads them).
 */

const Email = z.string().trim().toLowerCase().pipe(z.email());
const Id = z.string().min(3).max(60);
const Text = (max: number) => z.string().trim().min(1).max(max);

/** A new deal from the card or the popup: for an account, in the default pipeline's first stage unless told. */
export const NewDeal = z.object({
  title: Text(200),
  accountId: Id,
  primaryContactId: Id.nullable(),
  amount: z.object({ minor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), currency: z.string().trim().toUpperCase().length(3) }),
  /** A pipeline the person picked; the default pipeline when left out. */
  pipelineId: Id.optional(),
  stageId: Text(60).optional(),
  expectedCloseDate: z.iso.date().nullable(),
});
export type NewDeal = z.infer<typeof NewDeal>;

export const Settings = z.object({
  mode: z.enum(['unset', 'hub', 'local']),
  hubUrl: z.string().trim().max(500),
  token: z.string().trim().max(500),
  /** Addresses and domains never logged or looked up. */
  neverLog: z.array(z.string().trim().toLowerCase().min(1).max(320)).max(500),
  /** Local mode: who the rep is. */
  localName: z.string().trim().max(200),
  localEmail: z.string().trim().toLowerCase().max(320),
  sidebarCollapsed: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { mode: 'unset', hubUrl: '', token: '', neverLog: [], localName: '', localEmail: '', sidebarCollapsed: false };

/** A storage key the worker updates when the outbox's state changes after a sync; open cards refresh on it. */
export const OUTBOX_STATE_KEY = 'outboxState';

export const Request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status') }),
  z.object({ type: z.literal('cards.cached'), emails: z.array(Email).max(50) }),
  z.object({ type: z.literal('cards.fresh'), emails: z.array(Email).max(50) }),
  z.object({ type: z.literal('logged.check'), keys: z.array(Text(300)).max(100) }),
  z.object({
    type: z.literal('email.log'),
    email: Email,
    gmailId: Text(100),
    messageId: Text(1000),
    subject: z.string().max(500),
    occurredAt: z.iso.datetime().nullable(),
    participants: z.array(Email).max(200),
    text: z.string().max(20000),
  }),
  z.object({ type: z.literal('contact.create'), name: Text(200), email: Email, company: z.string().trim().max(200).nullable(), domain: z.string().trim().max(253).nullable() }),
  z.object({ type: z.literal('deal.update'), dealId: Id, version: z.number().int().min(1), label: Text(300), edit: DealEdit }),
  z.object({ type: z.literal('deal.create'), label: Text(300), deal: NewDeal }),
  z.object({
    type: z.literal('reminder.create'),
    title: Text(500),
    due: Text(200),
    contactId: Id.nullable(),
    accountId: Id.nullable(),
    dealId: Id.nullable(),
    email: Email.nullable(),
  }),
  z.object({ type: z.literal('reminders.due') }),
  z.object({ type: z.literal('reminder.complete'), id: Id, version: z.number().int().min(1) }),
  z.object({ type: z.literal('reminder.snooze'), id: Id, version: z.number().int().min(1), for: Text(200) }),
  z.object({ type: z.literal('search'), q: Text(200) }),
  z.object({ type: z.literal('pipelines') }),
  z.object({ type: z.literal('outbox.dismiss'), seq: z.number().int() }),
  z.object({ type: z.literal('sync.now') }),
  z.object({ type: z.literal('connection.check'), hubUrl: Text(500), token: Text(500) }),
  z.object({ type: z.literal('settings.get') }),
  z.object({ type: z.literal('settings.save'), settings: Settings.partial() }),
  z.object({ type: z.literal('export'), format: z.enum(['json', 'csv']) }),
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];

export const ErrorBody = z.object({ code: z.string(), message: z.string() });

export const Response = z.union([z.object({ ok: z.literal(true), data: z.unknown() }), z.object({ ok: z.literal(false), error: ErrorBody })]);
export type Response = z.infer<typeof Response>;
