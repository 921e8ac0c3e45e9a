import {
  asCrmError,
  createCoreServices,
  ensureDefaultPipeline,
  fireTime,
  systemClock,
  TimeOrderedIds,
  type Actor,
  type DealEdit,
  type Reminder,
  type CoreServices,
  type Store,
} from '@rapport/core';
import type { IdbCardCache } from '@rapport/indexeddb';
import type { NewDeal } from '../shared/protocol.js';
import type { CardEntry, CardView, LookupView, PersonView, PipelineView, WriteResult } from '../shared/views.js';
import type { Backend, CreateContactInput, DueReminder, LogEmailInput, Notice, ReminderInput } from './backend.js';
import { aboutText, lookupView } from './views.js';

const DONE: WriteResult = { queued: false };

/**
 * Local mode: the whole CRM in this browser's IndexedDB, run by the same core services as
 * the hub, with no server. The rep is the only user (an admin of their own data).
 */
export class LocalBackend implements Backend {
  readonly mode = 'local' as const;

  private constructor(
    private readonly store: Store,
    private readonly services: CoreServices,
    private readonly actor: Actor,
    private readonly cache: IdbCardCache,
  ) {}

  static async open(store: Store, cache: IdbCardCache, person: { name: string; email: string }): Promise<LocalBackend> {
    const deps = { store, clock: systemClock, ids: new TimeOrderedIds() };
    await ensureDefaultPipeline(deps);
    const services = createCoreServices(deps);
    const existing = await store.read((uow) => uow.users.findByEmail(person.email));
    const user = existing ?? (await services.users.create(null, { name: person.name || person.email, email: person.email, role: 'admin', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' }));
    return new LocalBackend(store, services, { user, surface: 'gmail' }, cache);
  }

  async me(): Promise<PersonView> {
    return { id: this.actor.user.id, name: this.actor.user.name, email: this.actor.user.email };
  }

  async cachedCards(emails: string[]): Promise<CardEntry[]> {
    return this.freshCards(emails);
  }

  async freshCards(emails: string[]): Promise<CardEntry[]> {
    const now = new Date().toISOString();
    return Promise.all(emails.map(async (email) => ({ email, card: await this.card(email), savedAt: now, fresh: true })));
  }

  async logged(gmailIds: string[]): Promise<string[]> {
    const marks = await Promise.all(gmailIds.map((id) => this.cache.getMark<string>(`logged:${id}`)));
    return gmailIds.filter((_, i) => marks[i] !== null);
  }

  async logEmail({ gmailId, ...email }: LogEmailInput): Promise<WriteResult> {
    await this.services.capture.logEmail(this.actor, email);
    await this.cache.putMark(`logged:${gmailId}`, email.messageId);
    return DONE;
  }

  async createContact(input: CreateContactInput): Promise<WriteResult> {
    await this.services.capture.createSender(this.actor, input);
    return DONE;
  }

  async updateDeal(dealId: string, version: number, edit: DealEdit): Promise<WriteResult> {
    await this.services.capture.editDeal(this.actor, dealId, edit, { expectedVersion: version });
    return DONE;
  }

  async createDeal(deal: NewDeal): Promise<WriteResult> {
    await this.services.deals.create(this.actor, deal);
    return DONE;
  }

  async createReminder(input: ReminderInput): Promise<WriteResult> {
    await this.services.capture.remind(this.actor, input);
    return DONE;
  }

  async dueReminders(): Promise<DueReminder[]> {
    return this.withAbout(await this.services.reminders.listDue(this.actor));
  }

  async completeReminder(id: string, version: number): Promise<WriteResult> {
    await this.services.reminders.complete(this.actor, id, { expectedVersion: version });
    return DONE;
  }

  async snoozeReminder(id: string, version: number, words: string): Promise<WriteResult> {
    await this.services.reminders.snooze(this.actor, id, { for: words }, { expectedVersion: version });
    return DONE;
  }

  async search(q: string): Promise<LookupView[]> {
    return (await this.services.lookup.lookup(this.actor, q)).map(lookupView);
  }

  async pipelines(): Promise<PipelineView[]> {
    const pipelines = await this.store.read((uow) => uow.pipelines.list());
    return pipelines.map((p) => ({ id: p.id, name: p.name, stages: p.stages.map((s) => ({ id: s.id, name: s.name, ...(s.outcome ? { outcome: s.outcome } : {}) })) }));
  }

  async notices(): Promise<Notice[]> {
    const now = new Date().toISOString();
    const due = (await this.dueReminders()).filter((r) => fireTime(r) <= now);
    return due.map((reminder) => ({ key: `${reminder.id}:${fireTime(reminder)}`, reminder }));
  }

  async sync(): Promise<boolean> {
    return true;
  }

  async outbox(): Promise<{ pending: number; refused: [] }> {
    return { pending: 0, refused: [] };
  }

  async dismiss(): Promise<void> {}

  private async card(email: string): Promise<CardView | null> {
    try {
      return (await this.services.cards.card(this.actor, { email })) as CardView;
    } catch (error) {
      if (asCrmError(error).code === 'not_found') return null;
      throw error;
    }
  }

  private async withAbout(reminders: Reminder[]): Promise<DueReminder[]> {
    return this.store.read(async (uow) =>
      Promise.all(
        reminders.map(async (r) => ({
          ...r,
          about: aboutText(r.contactId ? (await uow.contacts.get(r.contactId))?.name : null, r.accountId ? (await uow.accounts.get(r.accountId))?.name : null),
        })),
      ),
    );
  }
}
