import { getAccountEmail, type GmailThread } from '../../gmail/gmail-driver.js';
import { watchThreads } from '../../gmail/thread-watcher.js';
import type { CardEntry, PipelineView, StatusView } from '../../shared/views.js';
import type { ContentContext, Feature } from '../context.js';
import { ask } from '../../shared/ask.js';
import { storage } from '../../platform/browser.js';
import { OUTBOX_STATE_KEY } from '../../shared/protocol.js';
import { threadView, type ThreadView } from '../thread-view.js';
import { renderCard } from '../ui/card-view.js';
import { fill, h } from '../ui/dom.js';
import { SIDEBAR_CSS } from '../ui/styles.js';

/**
 * The sidebar: a panel beside the open thread, in a shadow root so Gmail's styles and ours
 * never mix. Shows each person's cached card at once, then the fresh one; remembers whether
 * it is collapsed. Other features add their parts to each card.
 */
export const sidebar: Feature = {
  id: 'sidebar',
  init(context, signal) {
    const host = h('div', { id: 'rapport-sidebar', 'data-rapport': 'sidebar' });
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = SIDEBAR_CSS;
    const chip = h('span', { class: 'chip' });
    const toggle = h('button', { class: 'iconbtn', type: 'button', title: 'Collapse', 'aria-label': 'Collapse Rapport' }, '›');
    const body = h('div', { class: 'body' });
    const toastHost = h('div');
    const frame = h('aside', { class: 'frame', 'aria-label': 'Rapport' }, h('div', { class: 'bar' }, h('span', { class: 'logo' }), h('span', { class: 'title' }, 'Rapport'), chip, toggle), body, toastHost);
    shadow.append(style, frame);
    host.hidden = true;
    document.body.append(host);
    signal.addEventListener('abort', () => host.remove());

    const setCollapsed = (collapsed: boolean): void => {
      frame.classList.toggle('collapsed', collapsed);
      fill(toggle, collapsed ? '‹' : '›');
      toggle.setAttribute('aria-label', collapsed ? 'Expand Rapport' : 'Collapse Rapport');
      host.dataset.collapsed = String(collapsed);
    };
    void ask<{ sidebarCollapsed: boolean }>({ type: 'settings.get' }).then((s) => setCollapsed(s.sidebarCollapsed), () => undefined);
    toggle.addEventListener('click', () => {
      const collapsed = !frame.classList.contains('collapsed');
      setCollapsed(collapsed);
      void ask({ type: 'settings.save', settings: { sidebarCollapsed: collapsed } }).catch(() => undefined);
    }, { signal });

    let toastTimer: ReturnType<typeof setTimeout> | undefined;
    const toast = (message: string, kind: 'info' | 'error' = 'info'): void => {
      clearTimeout(toastTimer);
      fill(toastHost, h('div', { class: `toast${kind === 'error' ? ' error' : ''}`, role: 'status' }, message));
      toastTimer = setTimeout(() => fill(toastHost), kind === 'error' ? 8000 : 3500);
    };

    let generation: AbortController | null = null;
    const show = async (thread: GmailThread | null): Promise<void> => {
      generation?.abort();
      generation = new AbortController();
      const round = generation.signal;
      refreshShown = null;
      if (!thread) {
        host.hidden = true;
        return;
      }
      const seenAt = performance.now();
      host.hidden = false;
      host.dataset.thread = thread.threadId;
      delete host.dataset.ready;
      let status: StatusView;
      try {
        status = await ask<StatusView>({ type: 'status' });
      } catch {
        return;
      }
      if (round.aborted) return;
      renderChip(chip, status);
      if (status.mode === 'unset') {
        fill(body, h('div', { class: 'placeholder' }, 'Rapport is not connected yet. Open the extension\'s options to connect your team\'s hub or to keep your CRM on this computer.'));
        return;
      }
      const view = threadView(thread, [status.me?.email, getAccountEmail(document)].filter((e): e is string => Boolean(e)));
      const emails = view.people.map((p) => p.email);
      const pipelines = ask<PipelineView[]>({ type: 'pipelines' }).catch(() => []);
      const draw = async (entries: CardEntry[], final: boolean): Promise<void> => {
        if (round.aborted) return;
        renderCards(context, body, view, entries, status, await pipelines, round, toast, () => refresh());
        if (!final) {
          host.dataset.cardShownMs = (performance.now() - seenAt).toFixed(1);
          host.dataset.cardShownAt = String(performance.now());
        } else host.dataset.ready = 'true';
      };
      const refresh = async (): Promise<void> => {
        const fresh = await ask<CardEntry[]>({ type: 'cards.fresh', emails }).catch(() => null);
        const latest = await ask<StatusView>({ type: 'status' }).catch(() => status);
        status = latest;
        renderChip(chip, latest);
        if (fresh) await draw(fresh, true);
      };
      refreshShown = refresh;
      await draw(await ask<CardEntry[]>({ type: 'cards.cached', emails }), false);
      await refresh();
    };
    let refreshShown: (() => Promise<void>) | null = null;
    // The outbox drained (or a change was refused) in the background: the open card shows it at once.
    storage.onChanged((key) => {
      if (key === OUTBOX_STATE_KEY && !host.hidden) void refreshShown?.();
    }, signal);
    watchThreads(document, signal, (thread) => void show(thread));
  },
};

function renderChip(chip: HTMLElement, status: StatusView): void {
  chip.className = 'chip';
  if (status.mode === 'local') {
    chip.classList.add('local');
    fill(chip, 'On this computer');
  } else if (!status.online || status.pending > 0) {
    chip.classList.add('offline');
    fill(chip, status.pending > 0 ? `Offline · ${status.pending} waiting` : 'Offline');
  } else fill(chip, 'Synced');
}

function renderCards(
  context: ContentContext,
  body: HTMLElement,
  view: ThreadView,
  entries: CardEntry[],
  status: StatusView,
  pipelines: PipelineView[],
  signal: AbortSignal,
  toast: (message: string, kind?: 'info' | 'error') => void,
  refresh: () => Promise<void>,
): void {
  const refused = status.refused.map((r) =>
    h('div', { class: 'notice', role: 'alert' }, `Not saved — ${r.label}: ${r.message}`, h('button', { class: 'link', type: 'button', onclick: () => void ask({ type: 'outbox.dismiss', seq: r.seq }).then(refresh) }, 'Dismiss')),
  );
  const cards = view.people.map((person) => {
    const entry = entries.find((e) => e.email === person.email) ?? { email: person.email, card: null, savedAt: null, fresh: false };
    const rendered = renderCard(person, entry);
    const cardSignal = AbortSignal.any([signal]);
    for (const part of context.parts) {
      part({ person, entry, thread: view, status, pipelines, slots: { actions: rendered.actions, panel: rendered.panel, deal: (id) => rendered.deals.get(id) ?? null }, refresh, toast, signal: cardSignal });
    }
    return rendered.root;
  });
  fill(body, ...refused, ...(cards.length > 0 ? cards : [h('div', { class: 'placeholder' }, 'Only you are on this thread.')]));
}
