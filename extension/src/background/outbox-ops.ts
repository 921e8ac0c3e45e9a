import { CrmError } from '@rapport/core';
import type { RapportClient } from '@rapport/http';
import type { OutboxEntry } from '@rapport/indexeddb';
import type { DealChange } from '../shared/protocol.js';
import type { CreateContactInput, LogEmailInput, ReminderInput } from './backend.js';

/** A change as the outbox keeps it: what the rep asked for, resolved against the hub when sent. */
export type OutboxOp =
  | { kind: 'logEmail'; input: LogEmailInput }
  | { kind: 'createContact'; input: CreateContactInput }
  | { kind: 'updateDeal'; dealId: string; version: number; change: DealChange }
  | { kind: 'createReminder'; input: ReminderInput }
  | { kind: 'completeReminder'; id: string; version: number }
  | { kind: 'snoozeReminder'; id: string; version: number; words: string };

/** The contact and account an address belongs to on the hub; `not_found` when nobody has it. */
async function whoIs(client: RapportClient, email: string): Promise<{ contactId: string | null; accountId: string | null }> {
  const card = await client.call('card', { query: { email } });
  return { contactId: card.contact?.id ?? null, accountId: card.account?.id ?? card.contact?.accountId ?? null };
}

const isStatus = (error: unknown, status: number): boolean => error instanceof CrmError && error.details.status === status;

/**
 * Sends one outbox entry to the hub. Every POST carries the entry's key as Idempotency-Key, so
 * a resend after a lost answer is answered without applying the change twice. A field change
 * (PATCH) carries the version the rep saw: if it was applied already, the hub's 412 is checked
 * against the deal and counted as sent; if someone else changed the deal, the refusal stands.
 */
export async function sendOp(client: RapportClient, entry: OutboxEntry<OutboxOp>): Promise<void> {
  const op = entry.op;
  const key = entry.key;
  switch (op.kind) {
    case 'logEmail': {
      const who = await whoIs(client, op.input.email);
      await client.call('logActivity', {
        idempotencyKey: key,
        body: {
          type: 'email',
          subject: op.input.subject || null,
          body: op.input.text || null,
          ...(op.input.occurredAt ? { occurredAt: op.input.occurredAt } : {}),
          contactId: who.contactId,
          accountId: who.accountId,
          externalId: op.input.messageId,
          participants: op.input.participants,
        },
      });
      return;
    }
    case 'createContact': {
      const { name, email, company, domain } = op.input;
      let accountId: string | null = null;
      if (domain) {
        accountId = await whoIs(client, email).then((w) => w.accountId, (error: unknown) => (error instanceof CrmError && error.code === 'not_found' ? null : Promise.reject(error)));
        if (!accountId && company) accountId = (await client.call('createAccount', { idempotencyKey: `${key}:account`, body: { name: company, domains: [domain] } })).id;
      }
      await client.call('createContact', { idempotencyKey: key, body: { name, emails: [email], accountId } });
      return;
    }
    case 'updateDeal':
      return sendDealChange(client, op.dealId, op.version, op.change, key);
    case 'createReminder': {
      const { title, due, dealId } = op.input;
      let { contactId, accountId } = op.input;
      if (!contactId && !accountId && !dealId && op.input.email) ({ contactId, accountId } = await whoIs(client, op.input.email));
      await client.call('createReminder', { idempotencyKey: key, body: { title, due, contactId, accountId, dealId } });
      return;
    }
    case 'completeReminder':
      await client.call('completeReminder', { idempotencyKey: key, params: { id: op.id }, ifMatch: op.version, body: {} });
      return;
    case 'snoozeReminder':
      await client.call('snoozeReminder', { idempotencyKey: key, params: { id: op.id }, ifMatch: op.version, body: { for: op.words } });
      return;
  }
}

async function sendDealChange(client: RapportClient, id: string, version: number, change: DealChange, key: string): Promise<void> {
  const params = { id };
  switch (change.kind) {
    case 'stage':
      await client.call('moveDealStage', { params, ifMatch: version, idempotencyKey: key, body: { stageId: change.stageId } });
      return;
    case 'win':
      await client.call('winDeal', { params, ifMatch: version, idempotencyKey: key, body: {} });
      return;
    case 'lose':
      await client.call('loseDeal', { params, ifMatch: version, idempotencyKey: key, body: { reason: change.reason, competitor: change.competitor } });
      return;
    case 'amount':
    case 'close': {
      const body = change.kind === 'amount' ? { amount: { minor: change.minor, currency: change.currency } } : { expectedCloseDate: change.date };
      try {
        await client.call('updateDeal', { params, ifMatch: version, body });
      } catch (error) {
        if (!isStatus(error, 412)) throw error;
        // Our own earlier send may have landed before its answer was lost: then the deal already says so.
        const deal = await client.call('getDeal', { params });
        const applied = change.kind === 'amount' ? deal.amount.minor === change.minor && deal.amount.currency === change.currency : deal.expectedCloseDate === change.date;
        if (!applied || deal.version !== version + 1) throw error;
      }
    }
  }
}
