import type { WriteResult } from '../../shared/views.js';
import type { CardContext, Feature } from '../context.js';
import { ask, AskError } from '../../shared/ask.js';
import { fill, h } from '../ui/dom.js';

export const PRESETS = [
  { label: 'Tomorrow morning', due: 'tomorrow 9am' },
  { label: 'In 3 days', due: 'in 3 days' },
  { label: 'Next week', due: 'next monday 9am' },
] as const;

/** "Remind me" about this customer: a preset or words ("friday 2pm"), read in the rep's time zone by the hub. */
export const remindMe: Feature = {
  id: 'remind-me',
  init(context) {
    context.parts.push((card) => {
      if (!card.entry.card) return;
      const open = h('button', { class: 'btn', type: 'button', 'data-action': 'remind-me' }, 'Remind me');
      let opened: HTMLElement | null = null;
      open.addEventListener('click', () => {
        if (opened) opened.remove();
        else card.slots.panel.append((opened = form(card)));
        if (opened && !opened.isConnected) opened = null;
      }, { signal: card.signal });
      card.slots.actions.append(open);
    });
  },
};

function form(card: CardContext): HTMLElement {
  const name = card.entry.card?.contact?.name ?? card.entry.card?.account?.name ?? card.person.name;
  const title = h('input', { name: 'title', value: `Follow up with ${name}`, 'aria-label': 'What' });
  const words = h('input', { name: 'due', placeholder: 'or type: friday 2pm', 'aria-label': 'When' });
  const status = h('div', { class: 'muted' });
  const create = async (due: string): Promise<void> => {
    try {
      const result = await ask<WriteResult>({
        type: 'reminder.create',
        title: title.value.trim() || `Follow up with ${name}`,
        due,
        contactId: card.entry.card?.contact?.id ?? null,
        accountId: card.entry.card?.contact ? null : (card.entry.card?.account?.id ?? null),
        dealId: null,
        email: card.person.email,
      });
      card.toast(result.queued ? 'Reminder saved here; it is set when you are back online.' : `Reminder set: ${due}.`);
      await card.refresh();
    } catch (error) {
      fill(status, error instanceof AskError ? error.message : 'Could not set the reminder.');
    }
  };
  const el = h(
    'form',
    { class: 'edit', 'data-form': 'remind' },
    h('label', {}, 'What', title),
    h('div', { class: 'presets' }, ...PRESETS.map((p) => h('button', { class: 'btn', type: 'button', 'data-due': p.due, onclick: () => void create(p.due) }, p.label))),
    h('div', { class: 'inline' }, words, h('button', { class: 'btn primary', type: 'submit' }, 'Set')),
    status,
  );
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    if (words.value.trim()) void create(words.value.trim());
  });
  return el;
}
