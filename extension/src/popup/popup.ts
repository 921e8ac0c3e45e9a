import { ask } from '../shared/ask.js';
import { fill, formatWhen, h } from '../content/ui/dom.js';
import type { LookupView, PipelineView, StatusView } from '../shared/views.js';
import { newDealForm } from '../content/ui/new-deal-form.js';
import { typeAhead } from '../shared/type-ahead.js';

interface DueView {
  id: string;
  title: string;
  dueAt: string;
  snoozedUntil: string | null;
  version: number;
  about: string | null;
}

const $ = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;
const message = (text: string, error = false): void => {
  fill($('message'), text);
  $('message').className = error ? 'error' : 'muted';
};

async function loadDue(): Promise<void> {
  try {
    const due = await ask<DueView[]>({ type: 'reminders.due' });
    const now = new Date().toISOString();
    fill(
      $('due'),
      ...(due.length === 0
        ? [h('div', { class: 'empty' }, 'Nothing due. Nice.')]
        : due.map((r) => {
            const at = r.snoozedUntil ?? r.dueAt;
            const act = (request: 'done' | 'snooze') => async () => {
              try {
                const result = await ask<{ queued: boolean }>(request === 'done' ? { type: 'reminder.complete', id: r.id, version: r.version } : { type: 'reminder.snooze', id: r.id, version: r.version, for: 'tomorrow 9am' });
                message(result.queued ? 'Saved; it syncs when you are back online.' : request === 'done' ? `Done: ${r.title}` : `Snoozed until tomorrow: ${r.title}`);
                await loadDue();
              } catch (error) {
                message(error instanceof Error ? error.message : String(error), true);
              }
            };
            return h(
              'div',
              { class: 'row', 'data-reminder': r.id },
              h('div', { class: 'grow' }, h('div', { class: 'title' }, r.title), h('div', { class: `muted${at < now ? ' overdue' : ''}` }, `${formatWhen(at)}${r.about ? ` · ${r.about}` : ''}`)),
              h('button', { type: 'button', onclick: act('done') }, 'Done'),
              h('button', { type: 'button', onclick: act('snooze') }, 'Snooze'),
            );
          })),
    );
  } catch (error) {
    fill($('due'), h('div', { class: 'empty' }, error instanceof Error ? error.message : String(error)));
  }
}

/** One search result; a customer with an account offers "New deal" right there. */
function resultRow(m: LookupView): HTMLElement {
  const row = h('div', { class: 'row', 'data-result': m.id }, h('div', { class: 'grow' }, h('div', { class: 'title' }, m.name), h('div', { class: 'muted' }, m.detail)), h('span', { class: 'kind' }, m.kind));
  const account = m.account;
  if (!account) return row;
  const open = h('button', { type: 'button', 'data-action': 'new-deal' }, 'New deal');
  let opened: HTMLFormElement | null = null;
  open.addEventListener('click', async () => {
    if (opened?.isConnected) return void opened.remove();
    const pipelines = await ask<PipelineView[]>({ type: 'pipelines' }).catch(() => []);
    const form = newDealForm({
      accountId: account.id,
      accountName: account.name,
      contactId: m.kind === 'contact' ? m.id : null,
      currency: 'USD',
      pipelines,
      said: (text, kind) => message(text, kind === 'error'),
      done: () => form.remove(),
    });
    opened = form;
    row.after(form);
  });
  row.append(open);
  return row;
}

typeAhead(
  $('search') as HTMLInputElement,
  (q) => ask<LookupView[]>({ type: 'search', q }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
  (q, found) => {
    if (found instanceof Error) return fill($('results'), h('div', { class: 'empty error' }, found.message));
    fill(
      $('results'),
      ...(found.length === 0
        ? [h('div', { class: 'empty' }, `No customer matches “${q}”.`)]
        : found.map(resultRow)),
    );
  },
  () => fill($('results')),
);

void ask<StatusView>({ type: 'status' }).then((s) => {
  fill($('state'), s.mode === 'local' ? 'On this computer' : s.mode === 'unset' ? 'Not set up' : s.online ? (s.pending > 0 ? `${s.pending} waiting` : 'Synced') : `Offline${s.pending > 0 ? ` · ${s.pending} waiting` : ''}`);
});
void loadDue();
