import { asCrmError, CrmError, suggestSenderAccount } from '@rapport/core';
import { RapportClient } from '@rapport/http';
import { Request, type Response, type Settings } from '../shared/protocol.js';
import type { CardEntry, StatusView } from '../shared/views.js';
import type { Backend } from './backend.js';
import { isNeverLogged } from './never-log.js';
import { loadSettings, saveSettings } from './settings-store.js';

export interface RouterContext {
  backend(): Promise<Backend | null>;
  /** Drops the current backend (settings changed); the next call builds a new one. `forget` also clears the cache. */
  reset(forget: boolean): void;
  online(): boolean;
  sync(): Promise<void>;
  exportData(format: 'json' | 'csv'): Promise<{ filename: string; mime: string; text: string }>;
}

const notSetUp = (): CrmError => new CrmError('unauthenticated', 'Rapport is not set up yet: open its options to connect a hub or choose local mode.');

/** Answers one message: validates it, runs it, and wraps the result or the error. */
export async function route(message: unknown, ctx: RouterContext): Promise<Response> {
  const parsed = Request.safeParse(message);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: `Not a Rapport message: ${parsed.error.issues[0]?.message ?? 'unreadable'}` } };
  try {
    return { ok: true, data: await run(parsed.data, ctx) };
  } catch (error) {
    const crm = asCrmError(error);
    return { ok: false, error: { code: crm.code, message: crm.message } };
  }
}

async function need(ctx: RouterContext): Promise<Backend> {
  const backend = await ctx.backend();
  if (!backend) throw notSetUp();
  return backend;
}

/** The addresses worth a card (not the rep's own), split by whether the never-log list names them. */
async function participants(emails: string[], backend: Backend, settings: Settings): Promise<{ lookUp: string[]; neverLogged: string[] }> {
  const me = await backend.me().catch(() => null);
  const others = [...new Set(emails)].filter((e) => e !== me?.email && e !== settings.localEmail);
  return { lookUp: others.filter((e) => !isNeverLogged(settings, e)), neverLogged: others.filter((e) => isNeverLogged(settings, e)) };
}

async function run(request: Request, ctx: RouterContext): Promise<unknown> {
  switch (request.type) {
    case 'status': {
      const backend = await ctx.backend();
      const settings = await loadSettings();
      const outbox = backend ? await backend.outbox() : { pending: 0, refused: [] };
      const status: StatusView = { mode: backend ? backend.mode : 'unset', online: ctx.online(), me: backend ? await backend.me().catch(() => null) : null, ...outbox };
      return { ...status, neverLog: settings.neverLog };
    }
    case 'cards.cached':
    case 'cards.fresh': {
      const backend = await need(ctx);
      const settings = await loadSettings();
      const { lookUp, neverLogged } = await participants(request.emails, backend, settings);
      const entries = request.type === 'cards.cached' ? await backend.cachedCards(lookUp) : await backend.freshCards(lookUp);
      const own = [(await backend.me().catch(() => null))?.email, settings.localEmail].filter((e): e is string => Boolean(e));
      // Never looked up: the card says so instead of waiting for an answer that never comes.
      const unlogged: CardEntry[] = neverLogged.map((email) => ({ email, card: null, savedAt: null, fresh: true, neverLogged: true }));
      return [...entries.map((entry) => (entry.card?.contact ? entry : { ...entry, suggestion: suggestSenderAccount(entry.email, own) })), ...unlogged];
    }
    case 'logged.check':
      return (await need(ctx)).logged(request.keys);
    case 'email.log': {
      const settings = await loadSettings();
      if (isNeverLogged(settings, request.email)) throw new CrmError('forbidden', `${request.email} is on your never-log list.`);
      const { type: _type, ...input } = request;
      return (await need(ctx)).logEmail({ ...input, participants: input.participants.filter((p) => !isNeverLogged(settings, p)) });
    }
    case 'contact.create': {
      const { type: _type, ...input } = request;
      return (await need(ctx)).createContact(input);
    }
    case 'deal.update':
      return (await need(ctx)).updateDeal(request.dealId, request.version, request.edit, request.label);
    case 'deal.create':
      return (await need(ctx)).createDeal(request.deal, request.label);
    case 'reminder.create': {
      const { type: _type, ...input } = request;
      return (await need(ctx)).createReminder(input);
    }
    case 'reminders.due':
      return (await need(ctx)).dueReminders();
    case 'reminder.complete':
      return (await need(ctx)).completeReminder(request.id, request.version);
    case 'reminder.snooze':
      return (await need(ctx)).snoozeReminder(request.id, request.version, request.for);
    case 'search':
      return (await need(ctx)).search(request.q);
    case 'pipelines':
      return (await need(ctx)).pipelines();
    case 'outbox.dismiss':
      return (await need(ctx)).dismiss(request.seq);
    case 'sync.now':
      return ctx.sync();
    case 'connection.check': {
      const client = new RapportClient({ baseUrl: request.hubUrl, token: request.token, timeoutMs: 8000 });
      const { user } = await client.call('me', {});
      return { name: user.name, email: user.email };
    }
    case 'settings.get':
      return loadSettings();
    case 'settings.save': {
      const before = await loadSettings();
      const after = await saveSettings(request.settings);
      const changed = (['mode', 'hubUrl', 'token', 'localEmail', 'localName'] as const).some((k) => before[k] !== after[k]);
      if (changed) ctx.reset(before.mode !== after.mode || before.hubUrl !== after.hubUrl);
      return after;
    }
    case 'export':
      return ctx.exportData(request.format);
  }
}
