import type { CardEntry, CardView } from '../../shared/views.js';
import { recordCardFields, type CardField } from '@rapport/core';
import { formatDay, formatMoney, formatWhen, h, initials } from './dom.js';

const ACTIVITY_ICONS: Record<string, string> = { email: '✉', call: '☎', meeting: '◷', note: '✎', chat: '💬' };

export interface RenderedCard {
  root: HTMLElement;
  actions: HTMLElement;
  panel: HTMLElement;
  deals: Map<string, HTMLElement>;
}

/** One person's card: who they are, their company, open deals, reminders and recent activity. */
export function renderCard(person: { name: string; email: string }, entry: CardEntry): RenderedCard {
  const card = entry.card;
  const actions = h('div', { class: 'actions' });
  const panel = h('div', { class: 'panel' });
  const deals = new Map<string, HTMLElement>();
  const known = card?.contact ?? null;
  const name = known?.name ?? person.name;
  const subline = [known?.title, card?.account?.name].filter(Boolean).join(' · ');
  const header = h(
    'div',
    { class: 'who' },
    h('div', { class: `avatar${known ? '' : ' unknown'}`, 'aria-hidden': 'true' }, initials(name)),
    h(
      'div',
      {},
      h('div', { class: 'name', 'data-part': 'name' }, name),
      subline ? h('div', { class: 'sub' }, subline, card?.account?.lifecycle ? h('span', { class: 'tag' }, card.account.lifecycle.replace('_', ' ')) : null) : null,
      h('div', { class: 'sub' }, person.email),
      !known && card?.account ? h('div', { class: 'sub' }, `Not a contact yet · works at ${card.account.name}`) : null,
      entry.neverLogged
        ? h('div', { class: 'sub', 'data-part': 'never-logged' }, 'Never logged: this address is on your never-log list.')
        : !card
          ? h('div', { class: 'sub', 'data-part': 'unknown' }, entry.savedAt ? 'Not in Rapport yet' : 'Looking up…')
          : null,
      !entry.fresh && entry.savedAt ? h('div', { class: 'stale' }, `Saved ${formatWhen(entry.savedAt)}`) : null,
    ),
  );
  const root = h('section', { class: 'card', 'data-email': person.email }, header, actions, panel);
  const fields = card ? fieldList([...(card.contact ? recordCardFields(card, 'contact', card.contact, navigator.language) : []), ...(card.account ? recordCardFields(card, 'account', card.account, navigator.language) : [])]) : null;
  if (fields) root.insertBefore(fields, actions);
  if (card) root.append(...sections(card, deals));
  return { root, actions, panel, deals };
}

function sections(card: CardView, deals: Map<string, HTMLElement>): HTMLElement[] {
  const person = (id: string): string => card.people[id]?.name ?? '';
  const dealRows = card.openDeals.map(({ deal, stageName, daysInStage }) => {
    const slot = h('div', { class: 'deal-slot' });
    deals.set(deal.id, slot);
    return h(
      'div',
      { class: 'row', 'data-deal': deal.id },
      h('div', { class: 'line' }, h('span', { class: 'main' }, deal.title), h('span', { class: 'amount' }, formatMoney(deal.amount))),
      h(
        'div',
        { class: 'muted' },
        h('span', { class: 'pill', 'data-part': 'stage' }, stageName),
        ` · ${daysInStage} d in stage`,
        deal.expectedCloseDate ? ` · closes ${formatDay(deal.expectedCloseDate)}` : '',
      ),
      fieldList(recordCardFields(card, 'deal', deal, navigator.language)),
      slot,
    );
  });
  const reminders = card.openReminders.map((r) =>
    h('div', { class: 'row' }, h('div', { class: 'line' }, h('span', { class: 'main' }, r.title), h('span', { class: 'muted' }, formatWhen(r.snoozedUntil ?? r.dueAt)))),
  );
  const activities = card.lastActivities.slice(0, 5).map((a) =>
    h(
      'div',
      { class: 'row' },
      h('div', { class: 'line' }, h('span', {}, `${ACTIVITY_ICONS[a.type] ?? '•'} ${a.subject ?? a.type}`), h('span', { class: 'muted' }, formatDay(a.occurredAt))),
      person(a.authorId) ? h('div', { class: 'muted' }, person(a.authorId)) : null,
    ),
  );
  return [
    section('Open deals', dealRows, 'No open deals'),
    section('Reminders', reminders, 'Nothing due'),
    section('Recent activity', activities, 'No activity yet'),
  ];
}

/** Custom fields shown on the card, as label–value lines; null when there are none. */
function fieldList(fields: CardField[]): HTMLElement | null {
  if (fields.length === 0) return null;
  return h('dl', { class: 'fields', 'data-part': 'fields' }, ...fields.flatMap((f) => [h('dt', {}, f.label), h('dd', { 'data-field': f.key }, f.display)]));
}

function section(title: string, rows: HTMLElement[], empty: string): HTMLElement {
  return h('div', { class: 'section', 'data-section': title.toLowerCase().replace(/\s+/g, '-') }, h('h3', {}, title), ...(rows.length > 0 ? rows : [h('div', { class: 'empty' }, empty)]));
}
