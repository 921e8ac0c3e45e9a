import { ask } from '../shared/ask.js';
import { fill, formatWhen, h } from '../content/ui/dom.js';
import type { LookupView, StatusView } from '../shared/views.js';

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

let searching = 0;
$('search').addEventListener('input', () => {
  const q = ($('search') as HTMLInputElement).value.trim();
  const mine = (searching += 1);
  if (q.length < 2) return fill($('results'));
  setTimeout(async () => {
    if (mine !== searching) return;
    try {
      const found = await ask<LookupView[]>({ type: 'search', q });
      if (mine !== searching) return;
      fill(
        $('results'),
        ...(found.length === 0
          ? [h('div', { class: 'empty' }, `No customer matches “${q}”.`)]
          : found.map((m) => h('div', { class: 'row', 'data-result': m.id }, h('div', { class: 'grow' }, h('div', { class: 'title' }, m.name), h('div', { class: 'muted' }, m.detail)), h('span', { class: 'kind' }, m.kind)))),
      );
    } catch (error) {
      fill($('results'), h('div', { class: 'empty error' }, error instanceof Error ? error.message : String(error)));
    }
  }, 150);
});

void ask<StatusView>({ type: 'status' }).then((s) => {
  fill($('state'), s.mode === 'local' ? 'On this computer' : s.mode === 'unset' ? 'Not set up' : s.online ? (s.pending > 0 ? `${s.pending} waiting` : 'Synced') : `Offline${s.pending > 0 ? ` · ${s.pending} waiting` : ''}`);
});
void loadDue();
