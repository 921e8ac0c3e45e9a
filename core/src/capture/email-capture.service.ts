import type { AccountService } from '../accounts/account.service.js';
import type { ActivityService, LoggedActivity } from '../activities/activity.service.js';
import type { Contact } from '../contacts/contact.schema.js';
import type { ContactService } from '../contacts/contact.service.js';
import type { Deal } from '../deals/deal.schema.js';
import type { DealService } from '../deals/deal.service.js';
import { whoHasAddress } from '../lookup/customer-card.service.js';
import { completeAnsweredReminders } from '../reminders/awaiting-reply.service.js';
import type { Reminder } from '../reminders/reminder.schema.js';
import type { ReminderService } from '../reminders/reminder.service.js';
import type { Actor, ServiceDeps, WriteOptions } from '../services/context.js';
import { CrmError, notFound } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { CapturedEmail, CapturedReminder, DealEdit, SenderInput } from './email-capture.schema.js';
import { mayFoundAccount } from './sender-account.js';

/** The services capture builds on. */
export interface CaptureServices {
  accounts: AccountService;
  contacts: ContactService;
  deals: DealService;
  activities: ActivityService;
  reminders: ReminderService;
}

/** One step of a deal edit, named as the rep would say it. */
interface EditStep {
  what: string;
  run(version: number | undefined): Promise<Deal>;
}

/**
 * What a rep does from their mailbox: log an email for an address, make a contact (and its
 * account) from a sender, set a reminder about an address, edit a deal from the card. The hub's
 * capture routes, the extension's local mode and (through those routes) its outbox all run
 * these, so each rule exists once.
 */
export class EmailCaptureService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly services: CaptureServices,
  ) {}

  /** Logs the email on the contact with this address (or the account of its domain); once per Message-ID. */
  async logEmail(actor: Actor, input: CapturedEmail): Promise<LoggedActivity> {
    const data = parseInput(CapturedEmail, input, 'email');
    const who = await this.whoHas(data.email);
    if (!who.contactId && !who.accountId) {
      throw new CrmError('not_found', `Nobody in Rapport has the address ${data.email}: create the contact first.`, { details: { email: data.email } });
    }
    const logged = await this.services.activities.log(actor, {
      type: 'email',
      subject: data.subject || null,
      body: data.text || null,
      ...(data.occurredAt ? { occurredAt: data.occurredAt } : {}),
      contactId: who.contactId,
      accountId: who.accountId,
      externalId: data.messageId,
      participants: data.participants,
    });
    const from = data.from ?? data.email;
    const sender = from === data.email ? who : await this.whoHas(from);
    const message = { messageId: data.messageId, from, fromContactId: sender.contactId, inReplyTo: data.inReplyTo, references: data.references, threadId: data.threadId };
    await completeAnsweredReminders(this.deps, actor, message, sender);
    return logged;
  }

  /**
   * Creates a contact for an email's sender. The contact joins the account that already has
   * the sender's domain; failing that, the company the rep gave becomes a new account with
   * that domain — unless the domain is free mail or the rep's own company's, in which case the
   * contact has no account.
   */
  async createSender(actor: Actor, input: SenderInput): Promise<Contact> {
    const data = parseInput(SenderInput, input, 'contact');
    const known = await this.whoHas(data.email);
    let accountId = known.accountId;
    if (!accountId && data.company && mayFoundAccount(data.domain, [actor.user.email])) {
      accountId = (await this.services.accounts.create(actor, { name: data.company, domains: [data.domain] })).id;
    }
    return this.services.contacts.create(actor, { name: data.name, emails: [data.email], accountId });
  }

  /** Sets a reminder about the records named, or else about whoever has the address. */
  async remind(actor: Actor, input: CapturedReminder): Promise<Reminder> {
    const data = parseInput(CapturedReminder, input, 'reminder');
    let { contactId, accountId } = data;
    if (!contactId && !accountId && !data.dealId && data.email) ({ contactId, accountId } = await this.whoHas(data.email));
    return this.services.reminders.create(actor, { title: data.title, due: data.due, contactId, accountId, dealId: data.dealId, awaitingReply: data.awaitingReply });
  }

  /**
   * Applies every field changed in one save: amount and close date together, then the stage,
   * then won or lost, each step on the version the one before left. The first step carries the
   * version the rep saw. When a later step is refused, the error says what was saved and what not.
   */
  async editDeal(actor: Actor, id: string, edit: DealEdit, options: WriteOptions = {}): Promise<Deal> {
    const data = parseInput(DealEdit, edit, 'deal change');
    const deals = this.services.deals;
    const steps: EditStep[] = [];
    const fields = { ...(data.amount ? { amount: data.amount } : {}), ...(data.expectedCloseDate ? { expectedCloseDate: data.expectedCloseDate } : {}) };
    if (Object.keys(fields).length > 0) {
      const what = [data.amount && 'the amount', data.expectedCloseDate && 'the close date'].filter(Boolean).join(' and ');
      steps.push({ what, run: (v) => deals.update(actor, id, fields, { expectedVersion: v }) });
    }
    const stageId = data.stageId;
    if (stageId) steps.push({ what: 'the stage', run: (v) => deals.moveStage(actor, id, stageId, { expectedVersion: v }) });
    const outcome = data.outcome;
    if (outcome?.status === 'won') steps.push({ what: 'won', run: (v) => deals.win(actor, id, { expectedVersion: v }) });
    if (outcome?.status === 'lost') steps.push({ what: 'lost', run: (v) => deals.lose(actor, id, { reason: outcome.reason, competitor: outcome.competitor }, { expectedVersion: v }) });

    let version = options.expectedVersion;
    let deal: Deal | null = null;
    const saved: string[] = [];
    for (const [index, step] of steps.entries()) {
      try {
        deal = await step.run(version);
      } catch (error) {
        if (saved.length === 0 || !(error instanceof CrmError)) throw error;
        const unsaved = steps.slice(index).map((s) => s.what).join(', ');
        throw new CrmError(error.code, `Saved ${saved.join(', ')}; not saved: ${unsaved} — ${error.message}`, {
          issues: error.issues,
          details: { ...error.details, saved, notSaved: steps.slice(index).map((s) => s.what) },
          cause: error,
        });
      }
      version = deal.version;
      saved.push(step.what);
    }
    if (!deal) throw notFound('deal', id);
    return deal;
  }

  private async whoHas(email: string): Promise<{ contactId: string | null; accountId: string | null }> {
    const found = await this.deps.store.read((uow) => whoHasAddress(uow, email));
    return { contactId: found?.contact?.id ?? null, accountId: found?.account?.id ?? found?.contact?.accountId ?? null };
  }
}
