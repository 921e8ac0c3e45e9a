import { asCrmError, CrmError, type DealEdit } from '@rapport/core';
import { RapportClient } from '@rapport/http';
import type { IdbCardCache, IdbOutbox } from '@rapport/indexeddb';
import type { NewDeal, Settings } from '../shared/protocol.js';
import type { CardEntry, CardView, LookupView, PersonView, PipelineView, WriteResult } from '../shared/views.js';
import type { Backend, CreateContactInput, DueReminder, LogEmailInput, Notice, ReminderInput } from './backend.js';
import { applyDealEdit } from './optimistic.js';
import { sendOp, type OutboxOp } from './outbox-ops.js';
import { aboutText, lookupView } from './views.js';

type Reminderish = Omit<DueReminder, 'about'>;

const ME_TTL_MS = 5 * 60_000;

/**
 * The extension against a hub. Reads come from the hub and land in the card cache; when the
 * hub is out of reach, the cache answers. Every change goes through the outbox: it is stored
 * first, then sent; while the hub is unreachable it waits there, and a refusal is reported.
 */
export class HubBackend implements Backend {
  readonly mode = 'hub' as const;
  private readonly client: RapportClient;
  private readonly names = new Map<string, string>();
  private meNow: PersonView | null = null;
  private meAt: number | null = null;

  constructor(
    settings: Settings,
    private readonly cache: IdbCardCache,
    private readonly box: IdbOutbox<OutboxOp>,
    fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {
    this.client = new RapportClient({
      baseUrl: settings.hubUrl,
      token: settings.token,
      timeoutMs: 8000,
      fetch: (url, init) => fetchFn(url, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-rapport-surface': 'gmail' } }),
    });
  }

  /** The rep: from memory or the cache at once (refreshed in the background), from the hub the first time. */
  async me(): Promise<PersonView | null> {
    if (this.meAt !== null && Date.now() - this.meAt < ME_TTL_MS) return this.meNow;
    const saved = this.meNow ?? (await this.cache.getMark<PersonView>('me'));
    const fetching = this.fetchMe();
    if (saved) {
      void fetching.catch(() => undefined);
      return saved;
    }
    return fetching;
  }

  private async fetchMe(): Promise<PersonView | null> {
    try {
      const { user } = await this.client.call('me', {});
      this.meNow = { id: user.id, name: user.name, email: user.email };
      this.meAt = Date.now();
      await this.cache.putMark('me', this.meNow);
      return this.meNow;
    } catch (error) {
      if (asCrmError(error).code !== 'unavailable') throw error;
      return this.cache.getMark<PersonView>('me');
    }
  }

  async cachedCards(emails: string[]): Promise<CardEntry[]> {
    return Promise.all(
      emails.map(async (email) => {
        const cached = await this.cache.getCard<CardView | null>(email);
        return { email, card: cached?.value ?? null, savedAt: cached?.savedAt ?? null, fresh: false };
      }),
    );
  }

  async freshCards(emails: string[]): Promise<CardEntry[]> {
    return Promise.all(
      emails.map(async (email): Promise<CardEntry> => {
        try {
          const card = (await this.client.call('card', { query: { email } })) as CardView;
          await this.cache.putCard(email, card);
          return { email, card, savedAt: new Date().toISOString(), fresh: true };
        } catch (error) {
          const crm = asCrmError(error);
          if (crm.code === 'not_found') {
            await this.cache.putCard(email, null);
            return { email, card: null, savedAt: new Date().toISOString(), fresh: true };
          }
          if (crm.code !== 'unavailable') throw crm;
          return (await this.cachedCards([email]))[0] as CardEntry;
        }
      }),
    );
  }

  async logged(gmailIds: string[]): Promise<string[]> {
    const marks = await Promise.all(gmailIds.map((id) => this.cache.getMark<string>(`logged:${id}`)));
    return gmailIds.filter((_, i) => marks[i] !== null);
  }

  async logEmail(input: LogEmailInput): Promise<WriteResult> {
    const result = await this.write({ kind: 'logEmail', input }, `Log “${input.subject || 'email'}”`);
    await this.cache.putMark(`logged:${input.gmailId}`, input.messageId);
    return result;
  }

  createContact(input: CreateContactInput): Promise<WriteResult> {
    return this.write({ kind: 'createContact', input }, `Create contact ${input.name}`);
  }

  async updateDeal(dealId: string, version: number, edit: DealEdit, label: string): Promise<WriteResult> {
    const result = await this.write({ kind: 'updateDeal', dealId, version, edit }, label);
    if (!result.queued) return result;
    const pipelines = (await this.cache.getMark<PipelineView[]>('pipelines')) ?? [];
    const stageName = pipelines.flatMap((p) => p.stages).find((s) => s.id === edit.stageId)?.name;
    await this.cache.updateCards<CardView | null>((card) => (card ? applyDealEdit(card, dealId, edit, stageName) : null));
    return result;
  }

  createDeal(deal: NewDeal, label: string): Promise<WriteResult> {
    return this.write({ kind: 'createDeal', deal }, label);
  }

  createReminder(input: ReminderInput): Promise<WriteResult> {
    return this.write({ kind: 'createReminder', input }, `Remind me: ${input.title}`);
  }

  async dueReminders(): Promise<DueReminder[]> {
    const { items } = await this.client.call('dueReminders', {});
    return this.withAbout(items);
  }

  completeReminder(id: string, version: number): Promise<WriteResult> {
    return this.write({ kind: 'completeReminder', id, version }, 'Mark a reminder done');
  }

  snoozeReminder(id: string, version: number, words: string): Promise<WriteResult> {
    return this.write({ kind: 'snoozeReminder', id, version, words }, `Snooze a reminder (${words})`);
  }

  async search(q: string): Promise<LookupView[]> {
    const { items } = await this.client.call('lookup', { query: { q, limit: 10 } });
    return items.map(lookupView);
  }

  async pipelines(): Promise<PipelineView[]> {
    try {
      const { items } = await this.client.call('listPipelines', {});
      const views = items.map((p) => ({ id: p.id, name: p.name, stages: p.stages.map((s) => ({ id: s.id, name: s.name, ...(s.outcome ? { outcome: s.outcome } : {}) })) }));
      await this.cache.putMark('pipelines', views);
      return views;
    } catch (error) {
      if (asCrmError(error).code !== 'unavailable') throw error;
      return (await this.cache.getMark<PipelineView[]>('pipelines')) ?? [];
    }
  }

  async notices(): Promise<Notice[]> {
    const { items } = await this.client.call('listNotices', {});
    const reminders = await this.withAbout(items.map((n) => n.reminder));
    return items.map((n, i) => ({ key: n.key, reminder: reminders[i] as DueReminder }));
  }

  async sync(): Promise<boolean> {
    const result = await this.box.drain((entry) => sendOp(this.client, entry));
    return result.stoppedBy?.code !== 'unavailable';
  }

  async outbox(): Promise<{ pending: number; refused: Array<{ seq: number; label: string; message: string }> }> {
    const entries = await this.box.list();
    return {
      pending: entries.filter((e) => e.state === 'pending').length,
      refused: entries.filter((e) => e.state === 'refused').map((e) => ({ seq: e.seq, label: e.label, message: e.error?.message ?? 'Refused by the hub.' })),
    };
  }

  dismiss(seq: number): Promise<void> {
    return this.box.dismiss(seq);
  }

  /**
   * Stores the change, then tries to send everything waiting. A change the hub refuses now is
   * reported at once (and not kept); one that cannot be sent yet waits in the outbox.
   */
  private async write(op: OutboxOp, label: string): Promise<WriteResult> {
    const entry = await this.box.enqueue({ op, label });
    await this.sync();
    const after = (await this.box.list()).find((e) => e.seq === entry.seq);
    if (!after) return { queued: false };
    if (after.state === 'refused') {
      await this.box.dismiss(after.seq);
      throw new CrmError(after.error?.code ?? 'conflict', after.error?.message ?? 'The hub refused this change.');
    }
    return { queued: true };
  }

  private async withAbout(reminders: Reminderish[]): Promise<DueReminder[]> {
    const name = async (kind: 'contact' | 'account', id: string | null): Promise<string | null> => {
      if (!id) return null;
      const known = this.names.get(id);
      if (known !== undefined) return known;
      const found = kind === 'contact' ? await this.client.call('getContact', { params: { id } }) : await this.client.call('getAccount', { params: { id } });
      this.names.set(id, found.name);
      return found.name;
    };
    return Promise.all(reminders.map(async (r) => ({ ...r, about: aboutText(await name('contact', r.contactId).catch(() => null), await name('account', r.accountId).catch(() => null)) })));
  }
}
