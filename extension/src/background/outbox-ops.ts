import type { DealEdit } from '@rapport/core';
import type { RapportClient } from '@rapport/http';
import type { OutboxEntry } from '@rapport/indexeddb';
import type { NewDeal } from '../shared/protocol.js';
import type { CreateContactInput, LogEmailInput, ReminderInput } from './backend.js';

/** A deal change as versions before one-save editing kept it in the outbox. */
type LegacyDealChange =
  | { kind: 'stage'; stageId: string }
  | { kind: 'amount'; minor: number; currency: string }
  | { kind: 'close'; date: string }
  | { kind: 'win' }
  | { kind: 'lose'; reason: string; competitor: string | null };

/** A change as the outbox keeps it: what the rep asked for; the hub applies its rules when it arrives. */
export type OutboxOp =
  | { kind: 'logEmail'; input: LogEmailInput }
  | { kind: 'createContact'; input: CreateContactInput }
  | { kind: 'updateDeal'; dealId: string; version: number; edit: DealEdit }
  | { kind: 'updateDeal'; dealId: string; version: number; change: LegacyDealChange }
  | { kind: 'createDeal'; deal: NewDeal }
  | { kind: 'createReminder'; input: ReminderInput }
  | { kind: 'completeReminder'; id: string; version: number }
  | { kind: 'snoozeReminder'; id: string; version: number; words: string };

/** An edit from a legacy single-field change still waiting in an outbox. */
export function editOf(op: Extract<OutboxOp, { kind: 'updateDeal' }>): DealEdit {
  if ('edit' in op) return op.edit;
  const change = op.change;
  switch (change.kind) {
    case 'stage':
      return { stageId: change.stageId };
    case 'amount':
      return { amount: { minor: change.minor, currency: change.currency } };
    case 'close':
      return { expectedCloseDate: change.date };
    case 'win':
      return { outcome: { status: 'won' } };
    case 'lose':
      return { outcome: { status: 'lost', reason: change.reason, competitor: change.competitor } };
  }
}

/**
 * Sends one outbox entry to the hub. Every request is a POST carrying the entry's key as
 * Idempotency-Key, so a resend after a lost answer is answered without applying the change
 * twice. Capture (who an address belongs to, which account a sender joins) is decided by the
 * hub's capture routes, with the same core service local mode runs. A deal edit carries the
 * version the rep saw: if someone changed the deal since, the refusal stands.
 */
export async function sendOp(client: RapportClient, entry: OutboxEntry<OutboxOp>): Promise<void> {
  const op = entry.op;
  const idempotencyKey = entry.key;
  switch (op.kind) {
    case 'logEmail': {
      const { gmailId: _gmailId, ...body } = op.input;
      await client.call('captureEmail', { idempotencyKey, body });
      return;
    }
    case 'createContact':
      await client.call('captureSender', { idempotencyKey, body: op.input });
      return;
    case 'updateDeal':
      await client.call('editDeal', { idempotencyKey, params: { id: op.dealId }, ifMatch: op.version, body: editOf(op) });
      return;
    case 'createDeal':
      await client.call('createDeal', { idempotencyKey, body: op.deal });
      return;
    case 'createReminder':
      await client.call('captureReminder', { idempotencyKey, body: op.input });
      return;
    case 'completeReminder':
      await client.call('completeReminder', { idempotencyKey, params: { id: op.id }, ifMatch: op.version, body: {} });
      return;
    case 'snoozeReminder':
      await client.call('snoozeReminder', { idempotencyKey, params: { id: op.id }, ifMatch: op.version, body: { for: op.words } });
      return;
  }
}
